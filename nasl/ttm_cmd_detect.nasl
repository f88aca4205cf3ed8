# ttm_cmd_detect.nasl -- ttmtrack
#
# Detects a reachable ttm_cmd listener (the command channel of Trading Technologies
# Messaging, TTM): ttmtrack detection c564e5ab. One file for OpenVAS/Greenbone and for
# Nessus: every scanner-specific call is guarded by its own defined_func() test, and
# nothing is included.
#
# The probe and the reply signature are an ASSUMPTION of ttmtrack: no public wire
# specification of TTM exists. They live in the GENERATED ttm-signature block right after the
# description block, rendered from ttmtrack's C++ definition (core/ttm_probe.cpp);
# docs/ttm-protocol.md says what is known, what is assumed, and how to update the signature
# from real captures.
#
# This is the confirmed tier. Its sibling ttm_cmd_unconfirmed.nasl (the unconfirmed-listener
# tier) runs after it and reads the TTM ports and the reply timeout this plugin publishes in
# the knowledge base, so both tiers are configured here.
#
# IDs: OpenVAS OID 1.3.6.1.4.1.32473.564.1 (under the RFC 5612 documentation enterprise
# number: renumber under your own arc), Nessus script_id 9564501. See docs/nasl.md.

if (description)
{
  if (defined_func("script_oid")) script_oid("1.3.6.1.4.1.32473.564.1");
  if (defined_func("script_id")) script_id(9564501);
  script_version("1.1");

  # OpenVAS takes name, family and copyright only positionally ("Missing name" with
  # english:); Nessus plugins use english:.
  if (defined_func("script_oid"))
  {
    script_name("Trading Technologies Messaging (TTM) ttm_cmd Listener Detection");
    script_family("Service detection");
    script_copyright("Copyright (C) 2026 the ttmtrack authors");
  }
  else
  {
    script_name(english:"Trading Technologies Messaging (TTM) ttm_cmd Listener Detection");
    script_family(english:"Service detection");
    script_copyright(english:"Copyright (C) 2026 the ttmtrack authors");
  }

  if (defined_func("script_summary"))
    script_summary(english:"Sends a TTM HELLO frame and looks for a HELLO_ACK reply.");

  # OpenVAS drops a plugin without a cvss_base_vector (or severity_vector) tag; tag values
  # must not contain the pipe character.
  if (defined_func("script_tag"))
  {
    script_tag(name:"creation_date", value:"2026-11-25 00:00:00 +0000 (Wed, 25 Nov 2026)");
    script_tag(name:"last_modification", value:"2026-12-06 00:00:00 +0000 (Sun, 06 Dec 2026)");
    script_tag(name:"cvss_base", value:"5.0");
    script_tag(name:"cvss_base_vector", value:"AV:N/AC:L/Au:N/C:P/I:N/A:N");
    script_tag(name:"severity_vector", value:"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    script_tag(name:"summary", value:"A ttm_cmd listener (the command channel of Trading Technologies Messaging, TTM) is reachable over the network.");
    script_tag(name:"insight", value:"TTM daemons accept client requests over TCP (port 10200 by default; sites also use other ports such as 5010) and talk to each other over PGM multicast. A command channel reachable from untrusted networks lets anyone who can reach the port talk to the messaging layer of the trading system.");
    script_tag(name:"impact", value:"Anyone who can reach the port can open a session with the TTM daemon. What the channel then allows depends on the TTM version and configuration.");
    script_tag(name:"vuldetect", value:"Sends a TTM HELLO frame to TCP ports 5010 and 10200, to the extra ports of the preference and to unidentified services, and checks the reply against the HELLO_ACK signature. The signature is an assumption of ttmtrack, not a published TTM specification (see docs/ttm-protocol.md).");
    script_tag(name:"solution", value:"Restrict the port to trusted networks with a firewall rule (allow the trusted networks, drop everything else), review the TTM configuration so the daemon listens only where needed, then re-scan to verify. The result shows the rule for the detected port.");
    script_tag(name:"solution_type", value:"Mitigation");
    # 50 %: a probe whose expected reply is assumed, not validated against captures of a
    # real TTM daemon (docs/ttm-protocol.md explains; raise it once the signature is).
    script_tag(name:"qod_type", value:"remote_probe");
  }

  if (defined_func("script_set_attribute"))
  {
    script_set_attribute(attribute:"synopsis", value:"A Trading Technologies Messaging (TTM) command channel is reachable.");
    script_set_attribute(attribute:"description", value:"The remote host answers the TTM HELLO probe of ttmtrack on a TCP port: a ttm_cmd listener (the command channel of Trading Technologies Messaging) is reachable over the network. Anyone who can reach the port can open a session with the TTM daemon. The probe signature is an assumption of ttmtrack, not a published TTM specification.");
    script_set_attribute(attribute:"solution", value:"Restrict the port to trusted networks with a firewall rule (allow the trusted networks, drop everything else), review the TTM configuration so the daemon listens only where needed, then re-scan to verify.");
    script_set_attribute(attribute:"risk_factor", value:"Medium");
    script_set_attribute(attribute:"cvss_vector", value:"CVSS2#AV:N/AC:L/Au:N/C:P/I:N/A:N");
    script_set_attribute(attribute:"cvss_base_score", value:"5.0");
    script_set_attribute(attribute:"cvss3_vector", value:"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    script_set_attribute(attribute:"cvss3_base_score", value:"5.3");
    script_set_attribute(attribute:"plugin_publication_date", value:"2026/11/25");
    script_set_attribute(attribute:"plugin_modification_date", value:"2026/12/06");
    script_set_attribute(attribute:"plugin_type", value:"remote");
  }
  if (defined_func("script_end_attributes")) script_end_attributes();

  script_category(ACT_GATHER_INFO);
  script_dependencies("find_service.nasl");
  script_require_ports("Services/unknown", 5010, 10200);
  script_xref(name:"TTMTRACK", value:"c564e5ab");

  script_add_preference(name:"Additional TTM ports (comma-separated):", type:"entry", value:"");
  script_add_preference(name:"Reply timeout (seconds):", type:"entry", value:"4");
  exit(0);
}

# The ttm_cmd signature and the report helpers both tiers share: generated from ttmtrack's C++
# definition (core/ttm_probe.cpp, the one the C++ side uses too). The build fails while a
# block differs from it; `ttm-nasl-block update FILE` rewrites them.
# BEGIN GENERATED ttm-signature (rendered by ttm-nasl-block from ttmtrack's C++; do not edit)
# The probe and the reply signature are an ASSUMPTION of ttmtrack, not a published TTM
# specification (docs/ttm-protocol.md section 2).
global_var ttm_probe, ttm_reply_hex_pattern, ttm_reply_min_length, ttm_default_ports;
global_var ttm_default_timeout;
# Probe: a HELLO frame (type 0x01), 16 bytes, big-endian: magic "TTMC", version 1,
# flags 0, request id 0xc564e5ab (the detection ID), payload length 0.
ttm_probe = raw_string(0x54, 0x54, 0x4d, 0x43, 0x01, 0x01, 0x00, 0x00,
                       0xc5, 0x64, 0xe5, 0xab, 0x00, 0x00, 0x00, 0x00);
# Reply: a HELLO_ACK header (type 0x81) echoing the probe's request id, with any flags and
# any payload length. Matched on hexstr() of the reply (lower-case hex), because NASL
# regular expressions stop at a NUL byte and the header holds several.
ttm_reply_hex_pattern = "^54544d430181[0-9a-f]{4}c564e5ab[0-9a-f]{8}";
ttm_reply_min_length = 16;
# The ports TTM is known or commonly configured to use, and the reply timeout (s).
ttm_default_ports = make_list(5010, 10200);
ttm_default_timeout = 4;
# END GENERATED ttm-signature
# BEGIN GENERATED ttm-report (rendered by ttm-nasl-block from ttmtrack's C++; do not edit)
# Shared by both tiers: how reply bytes are shown, the remediation, and how a result is posted.
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
# END GENERATED ttm-report

global_var ttm_timeout;
ttm_timeout = int(script_get_preference("Reply timeout (seconds):"));
if (ttm_timeout <= 0) ttm_timeout = ttm_default_timeout;

# What register_service() (Nessus misc_func.inc) and service_register() (OpenVAS
# port_service_func.inc) write. Their include files differ between the scanners, so the
# two keys are written directly.
function ttm_register(port)
{
  set_kb_item(name:"Services/ttm_cmd", value:port);
  replace_kb_item(name:"Known/tcp/" + port, value:"ttm_cmd");
}

function ttm_report(port, reply)
{
  ttm_post(port:port, report:
    'A ttm_cmd listener (Trading Technologies Messaging command channel, ttmtrack detection c564e5ab) answered on port ' + port + '/tcp.\n' +
    '\n' +
    'Probe sent (hex)      : ' + hexstr(ttm_probe) + '\n' +
    'Reply received (hex)  : ' + ttm_hex(bytes:reply) + '\n' +
    'Reply received (text) : ' + ttm_printable(bytes:reply, max:256) + '\n' +
    'Reply length          : ' + strlen(reply) + ' bytes\n' +
    '\n' +
    ttm_remediation(port:port) +
    '\n' +
    'Note: the probe and reply signature are an assumption of ttmtrack, not a published TTM specification.');
}

# Probes one port; reports and registers it when the reply matches. Returns TRUE on a match.
function ttm_check_port(port)
{
  local_var soc, reply;
  if (!get_port_state(port)) return FALSE;
  soc = open_sock_tcp(port);
  if (!soc) return FALSE;
  send(socket:soc, data:ttm_probe);
  # min: returns as soon as a whole header is in, instead of waiting out the timeout.
  reply = recv(socket:soc, length:1024, min:ttm_reply_min_length, timeout:ttm_timeout);
  close(soc);
  if (isnull(reply) || strlen(reply) < ttm_reply_min_length) return FALSE;
  if (!ereg(string:hexstr(reply), pattern:ttm_reply_hex_pattern)) return FALSE;
  ttm_register(port:port);
  ttm_report(port:port, reply:reply);
  return TRUE;
}

# The extra ports of the preference: numbers separated by commas (blanks and semicolons are
# accepted too); anything else is ignored.
extra_ports = make_list();
extra = script_get_preference("Additional TTM ports (comma-separated):");
if (!isnull(extra) && strlen(string(extra)) > 0)
{
  extra = ereg_replace(string:string(extra), pattern:"[[:space:];]+", replace:",");
  foreach item (split(extra, sep:",", keep:FALSE))
  {
    if (ereg(string:item, pattern:"^[0-9]+$") && int(item) > 0 && int(item) < 65536)
      extra_ports = make_list(extra_ports, int(item));
  }
}

# The default and extra ports are published for the unconfirmed tier (ttm_cmd_unconfirmed.nasl)
# and probed once, before the fork below.
replace_kb_item(name:"ttmtrack/ttm_reply_timeout", value:ttm_timeout);
checked = make_list();
foreach port (make_list(ttm_default_ports, extra_ports))
{
  if (checked[string(port)]) continue;
  checked[string(port)] = TRUE;
  set_kb_item(name:"ttmtrack/ttm_ports", value:port);
  ttm_check_port(port:port);
}

# Unidentified services: get_kb_item() forks one process per value in the real scanners,
# so each unknown port is probed in its own child; ports probed above are skipped.
port = get_kb_item("Services/unknown");
if (isnull(port)) exit(0);
port = int(port);
if (checked[string(port)]) exit(0);
ttm_check_port(port:port);
exit(0);
