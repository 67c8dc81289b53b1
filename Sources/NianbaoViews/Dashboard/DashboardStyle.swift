/// The page's inline style sheet: screen, phone width (tables become stacked
/// cards below 720 px) and print (findings printed in full in a print-only block,
/// because CSS cannot open `<details>` in every browser).
enum DashboardStyle {
    static let css = """
    :root{--pass:#2e7d32;--warn:#8a6100;--warn-bg:#fff4d6;--fail:#c62828;--fail-bg:#fdecea;--refused:#6a1b9a;--refused-bg:#f3e5f5;\
    --missing:#55606e;--missing-bg:#eceff3;--line:#d9dee5;--ink:#1d232b;--soft:#5b6572;--card:#fff;--page:#f4f6f9}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:var(--page);color:var(--ink);font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
    header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
    header{padding-top:20px}
    h1{font-size:24px;margin:0 0 4px}
    h2{font-size:19px;margin:28px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
    h3{font-size:17px;margin:0}
    .generated,.note,footer{color:var(--soft);font-size:13px}
    footer{padding-top:16px;padding-bottom:32px}
    .years{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,520px),1fr));gap:16px}
    .year,.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px;min-width:0}
    .year-head{display:flex;gap:16px;align-items:center;margin-bottom:12px}
    .donut{width:96px;height:96px;flex:none}
    .donut-number{font-size:7px;font-weight:700;fill:var(--ink)}
    .donut-caption{font-size:4px;fill:var(--soft)}
    .year-counts{margin:4px 0 0}
    .count{font-weight:700;font-variant-numeric:tabular-nums}
    .level{padding:8px 0;border-top:1px solid var(--line)}
    .level-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 12px}
    .level-name{font-weight:700}
    .deadline{color:var(--soft);font-size:14px}
    .deadline .overdue{color:var(--fail);font-weight:700}
    .deadline .soon{color:var(--warn);font-weight:700}
    .level-counts{font-size:14px;color:var(--soft)}
    .bar{display:block;width:100%;height:14px;margin:6px 0;border-radius:3px}
    .legend{display:flex;flex-wrap:wrap;gap:6px 20px;list-style:none;margin:8px 0 0;padding:0}
    .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
    .sw-pass{background:#2e7d32}.sw-warn{background:#e0a100}.sw-fail{background:#c62828}.sw-refused{background:#6a1b9a}.sw-missing{background:#c9ced6}
    table.stack{width:100%;border-collapse:collapse;table-layout:fixed;background:var(--card);border:1px solid var(--line)}
    .stack th,.stack td{padding:8px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line);overflow-wrap:anywhere;word-break:break-word}
    .stack th{background:#e9edf2;font-size:14px}
    .agencies col.c-agency{width:18%}.agencies col.c-level{width:7%}.agencies col.c-year{width:6%}.agencies col.c-status{width:8%}
    .agencies col.c-file{width:19%}.agencies col.c-time{width:12%}.agencies col.c-watch{width:8%}.agencies col.c-findings{width:22%}
    .problems col.c-time{width:16%}.problems col.c-kind{width:14%}.problems col.c-path{width:30%}
    tr.s-fail td:first-child{box-shadow:inset 4px 0 var(--fail)}
    tr.s-refused td:first-child{box-shadow:inset 4px 0 var(--refused)}
    tr.s-warn td:first-child{box-shadow:inset 4px 0 #e0a100}
    tr.s-missing td:first-child{box-shadow:inset 4px 0 #9aa3ae}
    .badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;font-weight:700;white-space:nowrap}
    .b-pass{color:var(--pass);background:#e6f4e7}.b-warn{color:var(--warn);background:var(--warn-bg)}
    .b-fail{color:var(--fail);background:var(--fail-bg)}.b-refused{color:var(--refused);background:var(--refused-bg)}
    .b-missing{color:var(--missing);background:var(--missing-bg)}
    .late{color:var(--fail);font-size:13px;font-weight:700;margin-left:4px;white-space:nowrap}
    .drop{display:block;color:var(--soft);font-size:12px}
    .file,.path{font-family:"Noto Sans Mono CJK SC",ui-monospace,monospace;font-size:13px}
    .none{color:var(--soft)}
    details summary{cursor:pointer;color:#1f4e99}
    ol.findings{margin:6px 0 0;padding-left:20px;font-size:14px}
    ol.findings li{margin:4px 0}
    .sev{font-size:12px;font-weight:700;margin-right:4px}
    .sev-error{color:var(--fail)}.sev-warning{color:var(--warn)}.sev-info{color:var(--soft)}.sev-settled{color:var(--soft)}
    li.settled .msg{color:var(--soft)}li.settled .why{display:block;font-size:12px;color:var(--soft)}
    .loc{color:var(--soft);margin-right:4px}
    code{display:block;font-size:12px;color:var(--soft)}
    .v{min-width:0}
    .nw{white-space:nowrap}
    .print-only{display:none}
    @media (max-width:720px){
      body{font-size:14px}
      header,main,footer{padding:0 12px}
      header{padding-top:12px}
      h1{font-size:20px}
      .donut{width:76px;height:76px}
      table.stack,.stack tbody,.stack tr,.stack td{display:block;width:100%}
      .stack colgroup,.stack thead{display:none}
      table.stack{border:0;background:none}
      .stack tr{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:0 0 10px;padding:6px 10px}
      .stack td{display:grid;grid-template-columns:4.5em minmax(0,1fr);gap:8px;padding:4px 0;border:0}
      .stack td::before{content:attr(data-label);color:var(--soft);font-size:13px}
      tr.s-fail,tr.s-refused,tr.s-warn,tr.s-missing{border-left-width:4px}
      tr.s-fail{border-left-color:var(--fail)}tr.s-refused{border-left-color:var(--refused)}
      tr.s-warn{border-left-color:#e0a100}tr.s-missing{border-left-color:#9aa3ae}
      tr.s-fail td:first-child,tr.s-refused td:first-child,tr.s-warn td:first-child,tr.s-missing td:first-child{box-shadow:none}
    }
    @media print{
      @page{size:A4;margin:14mm 12mm}
      body{background:#fff;font-size:10.5pt}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      header,main,footer{max-width:none;padding:0}
      .year,.panel{border-color:#999;break-inside:avoid}
      .years{grid-template-columns:1fr 1fr}
      h2{break-after:avoid}
      .stack tr{break-inside:avoid}
      .stack th,.stack td{padding:4px 6px;font-size:9.5pt}
      .agencies col.c-agency{width:19%}.agencies col.c-level{width:9%}.agencies col.c-year{width:7%}.agencies col.c-status{width:10%}
      .agencies col.c-file{width:23%}.agencies col.c-time{width:12%}.agencies col.c-watch{width:8%}.agencies col.c-findings{width:12%}
      .screen-only,details{display:none}
      .print-only{display:block}
      span.print-only{display:inline}
      .findings-print article{break-inside:avoid;margin:0 0 8px}
      .findings-print h3{font-size:11pt;margin:8px 0 2px}
    }
    """
}
