// For pages that embed the calculator in an <iframe>: sizes each calculator
// frame to its content. It trusts only messages from a frame it knows
// (event.source), of the calculator's own shape.
(function () {
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'yz-calc:height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(200, Math.min(20000, Math.round(data.height))) + 'px';
      }
    }
  });
})();
