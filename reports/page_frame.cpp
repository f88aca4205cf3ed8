#include "reports/page_frame.hpp"

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "reports/display_time.hpp"
#include "reports/remediation.hpp"

namespace ttmtrack::reports {
namespace {

// Why a meta CSP and not only "no script in the page": it is the browser's own guarantee, and
// it also covers CSS (no url(), no @import) and any markup a future change might add.
constexpr char kHead[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"referrer\" content=\"no-referrer\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

// System fonts only: a web font would be a request to another host.
constexpr char kStyle[] = R"(<style>
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f4f6f9;--panel:#fff;--brand:#102a43;
--open:#a8430c;--open-bg:#fff1e0;--reopened:#b42318;--reopened-bg:#fde8e7;--fixed:#05603a;
--fixed-bg:#e0f5e9;--code-bg:#f3f5f8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
a{color:#1d4ed8}
header.top{background:var(--brand);color:#fff;padding:18px 32px 20px}
header.top .kicker{font-size:13px;letter-spacing:.04em;color:#bcccdc}
header.top h1{margin:2px 0 2px;font-size:26px;font-weight:650;overflow-wrap:anywhere}
header.top .sub{color:#d9e2ec;font-size:14px;overflow-wrap:anywhere}
header.top a{color:#9fb3c8}
nav.crumbs{font-size:13px;margin-bottom:6px}
main{max-width:1180px;margin:0 auto;padding:24px 32px 32px}
section{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:18px 24px 20px;
margin:0 0 20px}
h2{font-size:19px;margin:0 0 12px;color:var(--brand)}
h3{font-size:15px;margin:20px 0 8px;color:var(--brand)}
h4{font-size:14px;margin:14px 0 6px}
p{margin:6px 0 10px}
.muted{color:var(--muted)}
.small{font-size:13px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;margin:0 0 20px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px 18px;
border-top:4px solid var(--brand)}
.card .n{font-size:34px;font-weight:700;line-height:1.15}
.card .l{color:var(--muted);font-size:13px}
.card.open{border-top-color:var(--open)}.card.open .n{color:var(--open)}
.card.reopened{border-top-color:var(--reopened)}.card.reopened .n{color:var(--reopened)}
.card.fixed{border-top-color:var(--fixed)}.card.fixed .n{color:var(--fixed)}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top;
overflow-wrap:anywhere}
th{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
background:#f8fafc;white-space:nowrap}
table.kv th{width:190px;text-transform:none;letter-spacing:0;font-size:14px;background:none;
white-space:normal}
tr.first td{border-top:2px solid #bcccdc}
tr.change td{background:#f5f8fc;border-top:2px solid var(--brand)}
tr.change td:first-child{box-shadow:inset 4px 0 0 var(--brand)}
tr.run td{color:var(--muted)}
.change-label{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--brand)}
details.every-scan{margin:8px 0 12px}
details.every-scan summary{cursor:pointer;color:#1d4ed8}
details.every-scan table{margin-top:6px}
td.num,th.num{text-align:right;white-space:nowrap}
.nowrap{white-space:nowrap}
.keep{white-space:nowrap;overflow-wrap:normal}
.hash{white-space:nowrap;overflow-wrap:normal;font-family:ui-monospace,"DejaVu Sans Mono",
"Liberation Mono",Menlo,Consolas,monospace;font-size:12px}
.badge{display:inline-block;padding:1px 9px;border-radius:11px;font-size:12px;font-weight:650;
text-transform:uppercase;letter-spacing:.04em;white-space:nowrap;border:1px solid transparent}
.badge.open{color:var(--open);background:var(--open-bg);border-color:#f5c99b}
.badge.reopened{color:var(--reopened);background:var(--reopened-bg);border-color:#f4b4ae}
.badge.fixed{color:var(--fixed);background:var(--fixed-bg);border-color:#9fdcb9}
.badge.detected{color:var(--open);background:var(--open-bg)}
.badge.absent{color:var(--fixed);background:var(--fixed-bg)}
.badge.not-covered{color:var(--muted);background:#eef1f5}
.proof{border-left:5px solid var(--brand);background:#f5f8fc;padding:10px 14px;margin:8px 0 14px;
border-radius:0 6px 6px 0;overflow-wrap:anywhere}
.proof.open{border-color:var(--open);background:var(--open-bg)}
.proof.reopened{border-color:var(--reopened);background:var(--reopened-bg)}
.proof.fixed{border-color:var(--fixed);background:var(--fixed-bg)}
.note{border:1px solid #f5c99b;background:#fff8ef;border-radius:6px;padding:8px 12px;margin:8px 0}
.note.ok{border-color:#9fdcb9;background:var(--fixed-bg)}
pre,code{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;
font-size:13px}
pre{background:var(--code-bg);border:1px solid var(--line);border-radius:6px;padding:10px 12px;
margin:6px 0 12px;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.45}
pre.output{max-height:none;background:#fbfbf7}
.label{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
margin-top:10px}
ol.steps li,ul.risks li{margin:0 0 6px}
.exposure{border-top:3px solid var(--line)}
.exposure.open{border-top-color:var(--open)}
.exposure.reopened{border-top-color:var(--reopened)}
.exposure.fixed{border-top-color:var(--fixed)}
figure{margin:0}
figcaption{color:var(--muted);font-size:13px;margin-top:6px}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#52606d}
svg.chart .grid{stroke:#e4e9f0;stroke-width:1}
svg.chart .axis{stroke:#7b8794;stroke-width:1}
svg.chart .area{fill:#a8430c;fill-opacity:.10;stroke:none}
svg.chart .line{fill:none;stroke:#a8430c;stroke-width:2.5;stroke-linejoin:round}
svg.chart .pt{fill:#fff;stroke:#a8430c;stroke-width:2}
svg.chart text.value{fill:#a8430c;font-weight:700}
svg.chart text.empty{font-size:15px}
footer{max-width:1180px;margin:0 auto;padding:0 32px 32px;color:var(--muted);font-size:12px}
@media (max-width:800px){.cards{grid-template-columns:repeat(2,1fr)}
main,header.top{padding-left:16px;padding-right:16px}}
@media print{
@page{margin:14mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:10.5pt}
header.top{background:#fff;color:#000;border-bottom:2px solid var(--brand);padding:0 0 8px}
header.top .kicker,header.top .sub{color:#333}
nav.crumbs{display:none}
main{max-width:none;padding:12px 0 0}
section{border:none;border-radius:0;padding:0;margin:0 0 16pt}
.cards{grid-template-columns:repeat(4,1fr);gap:8pt}
.card{break-inside:avoid;padding:6pt 8pt}
.card .n{font-size:20pt}
table{font-size:8.5pt}
th,td{padding:3pt 4pt}
th,.nowrap{white-space:normal}
table.kv th{font-size:9pt;width:130pt}
.small{font-size:8pt}
h2,h3,h4{break-after:avoid}
tr,.proof,.note,figure{break-inside:avoid}
pre{font-size:9pt}
a{color:inherit;text-decoration:none}
footer{padding:0}
}
</style>
</head>
)";

}  // namespace

void BeginPage(HtmlWriter& html, std::string_view title) {
  html.Raw(kHead);
  html.Element("title", title);
  html.Raw("\n");
  html.Raw(kStyle);
  html.Raw("<body>\n");
}

void StateBadge(HtmlWriter& html, core::ExposureState state) {
  const std::string text(core::ToText(state));
  html.Element("span", {{"class", "badge " + text}}, text);
}

std::string OrDash(const std::string& value) { return value.empty() ? std::string(kDash) : value; }

void ScanTable(HtmlWriter& html, const std::vector<core::ScanRef>& scans) {
  html.Raw(
      "<table>\n<thead><tr><th>Scan time</th><th>Scanner</th><th>Scan</th><th>File</th>"
      "<th>SHA-256</th></tr></thead>\n<tbody>\n");
  for (const core::ScanRef& scan : scans) {
    html.Open("tr");
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(scan.time));
    html.Element("td", OrDash(scan.scanner));
    html.Element("td", OrDash(scan.scan_name));
    html.Element("td", OrDash(scan.file_name));
    html.Element("td", {{"class", "hash"}, {"title", scan.sha256}}, scan.sha256.substr(0, 12));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n");
}

void KeyValueRow(HtmlWriter& html, std::string_view key, std::string_view value,
                 std::string_view value_class) {
  html.Open("tr");
  html.Element("th", key);
  if (value_class.empty()) {
    html.Element("td", value);
  } else {
    html.Element("td", {{"class", std::string(value_class)}}, value);
  }
  html.Close("tr");
}

void EndPage(HtmlWriter& html, const ReportOptions& options) {
  html.Raw("<footer>\n");
  html.Open("p");
  html.Text("Generated by ttmtrack ");
  html.Text(options.tool_version.empty() ? std::string("(version unknown)") : options.tool_version);
  html.Text(" on " + DisplayTime(options.generated_at) + " \u00B7 detection " +
            std::string(core::kDetectionId) + " (ttm_cmd listener) \u00B7 trusted networks: ");
  if (options.trusted_networks.empty()) {
    html.Text(std::string("none given, firewall rules show ") + kTrustedNetworkPlaceholder);
  }
  for (std::size_t i = 0; i < options.trusted_networks.size(); ++i) {
    if (i > 0) html.Text(", ");
    html.Text(options.trusted_networks[i].ToString());
  }
  html.Close("p");
  html.Raw(
      "\n<p>A self-contained page: no script, no external resource, nothing fetched from "
      "any host. Times are UTC.</p>\n</footer>\n</body>\n</html>\n");
}

}  // namespace ttmtrack::reports
