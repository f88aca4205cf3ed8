#include "nasl/blocks/report_block.hpp"

namespace ttmtrack::nasl::blocks {

// NASL kept as text: these helpers are not derived from the probe tables, but both plugins need
// them word for word (the same evidence layout, the same remediation), and NASL plugins that
// must run in OpenVAS and in Nessus cannot include a shared file (NASL-NOTES.md).
constexpr char kReportNasl[] =
    R"nasl(# Shared by both tiers: how reply bytes are shown, the remediation, and how a result is posted.
global_var ttm_reply_shown_bytes;
# The hex evidence shows at most this many bytes of a reply (the text at most 256).
ttm_reply_shown_bytes = 64;

# Bytes shown as text: printable ASCII kept, everything else as ".", at most `max` bytes.
function ttm_printable(bytes, max)
{
  local_var out, i, n, c, o;
  out = "";
  n = strlen(bytes);
  if (n > max) n = max;
  for (i = 0; i < n; i++)
  {
    c = bytes[i];
    o = ord(c);
    if (o >= 32 && o < 127) out += c;
    else out += ".";
  }
  if (strlen(bytes) > max) out += "...";
  return out;
}

# Bytes as lower-case hex, at most ttm_reply_shown_bytes of them.
function ttm_hex(bytes)
{
  local_var hex;
  hex = hexstr(bytes);
  if (strlen(hex) > 2 * ttm_reply_shown_bytes) hex = substr(hex, 0, 2 * ttm_reply_shown_bytes - 1) + "...";
  return hex;
}

# The advisory's fix for the port, with the commands to apply it.
function ttm_remediation(port)
{
  return
    'Remediation: restrict port ' + port + '/tcp to trusted networks with a firewall rule. For example,\n' +
    'with TRUSTED_NET replaced by the trusted network in CIDR form:\n' +
    '  iptables -A INPUT -p tcp --dport ' + port + ' -s TRUSTED_NET -j ACCEPT\n' +
    '  iptables -A INPUT -p tcp --dport ' + port + ' -j DROP\n' +
    'or, with nftables:\n' +
    '  nft add rule inet filter input tcp dport ' + port + ' ip saddr != TRUSTED_NET drop\n' +
    'Then review the TTM configuration so the daemon listens only where needed, and re-scan to verify.\n';
}

# Posts a result with the function the scanner has: security_message in OpenVAS,
# security_warning in Nessus; log_message, security_note or display as fall-backs.
function ttm_post(port, report)
{
  if (defined_func("security_message"))
    security_message(port:port, proto:"tcp", data:report);
  else if (defined_func("security_warning"))
    security_warning(port:port, proto:"tcp", extra:report);
  else if (defined_func("log_message"))
    log_message(port:port, proto:"tcp", data:report);
  else if (defined_func("security_note"))
    security_note(port:port, proto:"tcp", extra:report);
  else
    display(report, '\n');
}
)nasl";

std::string ReportBody() { return kReportNasl; }

}  // namespace ttmtrack::nasl::blocks
