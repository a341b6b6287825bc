/**
 * The style sheet of the self-assessment page: one column on a phone (from 360 px), the form and a
 * sticky result panel side by side on a wider screen, colours of at least WCAG 2.1 AA contrast,
 * a visible focus ring, and a print style for a clean A4 record (the result first, then each
 * question with only the answer chosen). No `url()`, no font: the page loads nothing.
 *
 * @internal
 */
export const PAGE_CSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-padding-top:6rem}
body{margin:0;font-family:"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#1b1b1b;background:#fff;line-height:1.45;font-size:16px;overflow-wrap:break-word}
a{color:#0b57a4}
:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.page-head,.page-foot{max-width:1200px;margin:0 auto;padding:12px 16px}
.page-head h1{font-size:24px;margin:4px 0}
.sub{margin:0 0 4px;color:#3d3d3d}
.prov{margin:4px 0;font-size:14px;color:#3d3d3d}
.offline{margin:4px 0;font-size:14px;color:#3d3d3d}
.page-foot{border-top:1px solid #c9d3df;margin-top:24px;font-size:14px;color:#3d3d3d}
.page-foot h2{font-size:17px}.page-foot h3{font-size:15px;margin:10px 0 2px}.page-foot li{margin:2px 0;overflow-wrap:anywhere}
.badge{display:inline-block;white-space:nowrap;font-size:13px;font-weight:600;padding:1px 6px;border-radius:4px;margin-left:4px;vertical-align:middle}
.reconstructed{background:#fff1d6;color:#6b4100;border:1px solid #c98f2a}.official{background:#e3f2e8;color:#1a5230;border:1px solid #6fae87}
.illustrative{background:#fde2e1;color:#7d1b14;border:1px solid #d9827b}
.warning{background:#fde2e1;border:1px solid #d9827b;color:#5e160f;padding:8px 12px;border-radius:6px}
.bar{position:sticky;top:0;z-index:2;background:#eef3f9;border-bottom:1px solid #b9c6d6}
.bar-in{max-width:1200px;margin:0 auto;padding:6px 16px;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;font-size:15px}
.bar progress{width:140px;height:12px;accent-color:#0b57a4}
.summary{font-weight:600}
.bar-tools{display:flex;gap:8px;align-items:center;margin-left:auto}
.layout{max-width:1200px;margin:0 auto;padding:0 16px;display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,400px);gap:24px;align-items:start}
.panel{position:sticky;top:52px;max-height:calc(100vh - 60px);overflow:auto;border:1px solid #b9c6d6;border-radius:8px;padding:4px 14px 12px;margin-top:12px;background:#fff}
.panel h2{font-size:19px;margin:12px 0 6px}.panel h3{font-size:16px;margin:10px 0 4px}
.pillar>h2{font-size:20px;margin:26px 0 6px;padding-bottom:4px;border-bottom:2px solid #0b57a4}
.code{color:#0b3d73}.pmax,.qmax,.opt-note{font-weight:normal;color:#4d4d4d;font-size:14px}
.group>h3{font-size:17px;margin:16px 0 4px}
fieldset.q{border:1px solid #cfd6df;border-left:5px solid #cfd6df;border-radius:6px;margin:10px 0;padding:6px 12px 8px;min-width:0}
fieldset.q.unanswered{border-left-color:#b25e00}
fieldset.q.answered{border-left-color:#1e6b3a}
fieldset.q.invalid{border-left-color:#a3261b;background:#fdf3f2}
legend{font-weight:600;padding:0 4px;max-width:100%}
.qid{color:#0b3d73;font-variant-numeric:tabular-nums;margin-right:2px}
.hint{margin:2px 0 6px;color:#4d4d4d;font-size:14px}
.note{color:#3d3d3d;font-size:14px}
.opts{display:flex;flex-direction:column;gap:2px}
.opts.inline,.opts.steps,.opts.typed{flex-direction:row;flex-wrap:wrap;gap:6px;align-items:center}
label.opt{display:flex;gap:8px;align-items:flex-start;padding:8px;border-radius:6px;cursor:pointer;min-height:40px}
label.opt:hover{background:#f2f5f9}
label.opt:has(input:checked){background:#e3ecf8;box-shadow:inset 0 0 0 1px #0b57a4}
label.opt.step{min-width:48px;justify-content:center;border:1px solid #9aa7b7;align-items:center;font-variant-numeric:tabular-nums}
label.opt.na{color:#3d3d3d}
.opts.inline label.opt{border:1px solid #9aa7b7;align-items:center}
input[type=radio],input[type=checkbox]{width:20px;height:20px;margin:1px 0 0;accent-color:#0b57a4;flex:none}
.letter{font-weight:600}.pts{color:#4d4d4d;font-size:14px;white-space:nowrap}
input[type=text],select{font:inherit;padding:6px 8px;border:1px solid #6b6b6b;border-radius:4px;background:#fff;color:#1b1b1b;max-width:100%}
.opts.typed input[type=text]{width:9em}
input[type=text]:disabled{background:#ececec;color:#4d4d4d}
.field{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center;margin:6px 0}
.field input{flex:1 1 220px}
.other{margin:4px 0 0 36px}
.qstatus{margin:6px 0 0;font-size:14px;font-weight:600}
.unanswered>.qstatus{color:#8a4600}.answered>.qstatus{color:#1e6b3a}.invalid>.qstatus{color:#a3261b}
.enterprise>.qstatus{display:none}
.part-head{margin:8px 0;padding:6px 10px;background:#eef3f9;border-radius:6px}
button{font:inherit;font-size:15px;padding:7px 12px;border-radius:6px;border:1px solid #0b57a4;background:#0b57a4;color:#fff;cursor:pointer;min-height:40px}
button:hover{background:#08427d}
button.secondary,.bar button{background:#fff;color:#0b57a4}
button.secondary:hover,.bar button:hover{background:#e3ecf8}
.buttons{display:flex;flex-wrap:wrap;gap:8px}
.figures{display:flex;flex-wrap:wrap;gap:8px}
.figure{border:1px solid #cfd6df;border-radius:6px;padding:6px 10px;flex:1 1 120px}
.figure.wide{flex-basis:100%}
.figure b{display:block;font-size:20px}
.figure .label{font-size:14px;color:#4d4d4d}
.level.none{font-size:16px}
.is-provisional .figure{border-style:dashed}
.provisional{background:#fff6ea;border:1px solid #c98f2a;padding:6px 10px;border-radius:6px;font-size:14px}
.problems{background:#fdecea;border:1px solid #d9827b;padding:4px 10px;border-radius:6px;color:#5e160f;font-size:14px}
.problems h3{margin:4px 0}.problems ul{margin:4px 0;padding-left:18px}.problems a{color:#5e160f}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}
th,td{border-bottom:1px solid #dde2e8;padding:4px 6px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #b9c6d6}
.n{text-align:right;font-variant-numeric:tabular-nums}
.chart svg{max-width:100%;height:auto}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.printed-on,.print-only{display:none}
#vndi-app>.warning{max-width:1168px;margin:12px auto}
.missing-maxima{margin:6px 0}.dev{font-size:14px}.dev code{overflow-wrap:anywhere}
@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr)}.panel{position:static;max-height:none}}
@media (max-width:480px){body{font-size:15px}.page-head h1{font-size:20px}.layout,.bar-in,.page-head,.page-foot{padding-left:10px;padding-right:10px}fieldset.q{padding:6px 8px}.bar progress{width:90px}.bar-tools{margin-left:0}.other{margin-left:0}#vndi-app>.warning{margin:12px 10px}table{font-size:13px}}
@media print{@page{size:A4;margin:14mm 12mm}
body{font-size:10.5pt;color:#000}
.bar,.tools,.target,.sector-waiting,.hint,.other:has(input:disabled),label.opt.step:has(input:not(:checked)){display:none!important}
.layout{display:flex;flex-direction:column;align-items:stretch;padding:0;max-width:none}
.panel{order:-1;position:static;max-height:none;overflow:visible;border:0;padding:0;margin:0}
.page-head,.page-foot{padding:0;max-width:none}
.pillar>h2{font-size:13pt;margin:10pt 0 2pt;break-after:avoid}
.group>h3{font-size:11pt;margin:6pt 0 2pt;break-after:avoid}
fieldset.q{break-inside:avoid;border:0;border-bottom:1px solid #bbb;border-radius:0;margin:0;padding:2pt 0;background:none}
label.opt:has(input:not(:checked)){display:none}
label.opt{padding:0 0 0 12pt;min-height:0;background:none!important;box-shadow:none!important;border:0!important}
input[type=radio],input[type=checkbox]{display:none}
input[type=text]{border:0;padding:0;background:none}
.opts.typed:has(.na input:checked) input[type=text],.opts.typed:has(.na input:checked) label.num{display:none}
.opts.typed label.opt.na:has(input:not(:checked)){display:none}
.qstatus{display:none}.unanswered>.qstatus,.invalid>.qstatus{display:block}
.chart{break-inside:avoid;max-width:150mm}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
.printed-on,.print-only{display:block}}
`;
