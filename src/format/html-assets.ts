/** The HTML report's own style and script: inline, so that the page is one file that needs nothing else. */

export const STYLE = `
body { font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 2em 3em; color: #222; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: .6em 0; z-index: 1; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.6em 0 .4em; word-break: break-all; }
.filters label { margin-right: 1.2em; cursor: pointer; }
.counts { color: #555; margin: 0 0 .5em; }
.fatal { background: #fdd; border-left: 4px solid #c00; padding: .4em .8em; }
ul.findings, ul.table-notes, td.notes ul { list-style: none; margin: 0; padding: 0; }
li.note { padding: .1em .4em; margin: .15em 0; border-left: 4px solid; }
li.note.error { border-color: #c00; background: #fff3f3; }
li.note.warning { border-color: #d90; background: #fff9e6; }
li.note.suppressed { border-color: #999; background: #f3f3f3; color: #777; }
.rule { font-family: monospace; font-size: .9em; color: #555; margin-right: .4em; }
details.table { margin: .6em 0; }
details.table > summary { cursor: pointer; font-weight: bold; }
details.table small { font-weight: normal; color: #666; margin-left: .6em; }
table { border-collapse: collapse; margin: .4em 0; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: .15em .4em; vertical-align: top; }
th { background: #f2f2f2; font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name.total { font-weight: bold; }
td.notes { min-width: 22em; max-width: 40em; border: none; }
td.hit-error { background: #ffc7c7; outline: 2px solid #c00; }
td.hit-warning { background: #ffe7a8; outline: 2px solid #d90; }
td.hit-suppressed { background: #e6e6e6; outline: 2px dashed #999; color: #777; }
.unread { color: #a60; }
`;

/**
 * The severity filter: a finding of a kind not shown is hidden, and a cell whose findings are
 * all hidden loses its highlight.
 */
export const SCRIPT = `
(function () {
  var boxes = document.querySelectorAll('.filters input');
  function apply() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.value] = b.checked; });
    document.querySelectorAll('[data-sev]').forEach(function (el) { el.hidden = !shown[el.dataset.sev]; });
    document.querySelectorAll('td[data-sevs]').forEach(function (td) {
      var kinds = td.dataset.sevs.split(' ').filter(function (k) { return shown[k]; });
      td.classList.remove('hit-error', 'hit-warning', 'hit-suppressed');
      if (kinds.length) td.classList.add('hit-' + ['error', 'warning', 'suppressed'].filter(function (k) { return kinds.indexOf(k) >= 0; })[0]);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
`;
