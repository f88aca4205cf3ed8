# ttm_cmd_unconfirmed.nasl -- ttmtrack
#
# The unconfirmed-listener tier of ttmtrack detection c564e5ab: reports a POSSIBLE ttm_cmd
# listener (the command channel of Trading Technologies Messaging, TTM) on a TTM port that is
# open, that the scanner's service detection left unidentified, and that answers ttmtrack's
# probe in no known protocol -- it stays silent until the reply timeout, or sends bytes that are
# neither the assumed TTM reply nor the banner of another protocol. A real TTM daemon that
# ignores the assumed probe looks like this, and the confirmed tier (ttm_cmd_detect.nasl)
# cannot see it. A service the scanner identified (HTTP, SSH, SMTP, TLS, ...) is never
# reported, and neither is a port the confirmed tier reported.
#
# A sibling plugin rather than a second tier inside ttm_cmd_detect.nasl: a scanner result
# carries the script_id / OID of the plugin that posted it, and this tier needs IDs of its own
# so that results, rules and reports can tell the two apart.
#
# It runs after ttm_cmd_detect.nasl and takes the TTM ports (5010, 10200 and that plugin's
# "Additional TTM ports") and the reply timeout from what that plugin publishes in the
# knowledge base, so both tiers are configured in one place. One file for OpenVAS/Greenbone
# and for Nessus, like its sibling; the probe, the reply classifier and the report helpers are
# GENERATED blocks rendered from ttmtrack's C++ definition (core/ttm_probe.cpp).
#
# IDs: OpenVAS OID 1.3.6.1.4.1.32473.564.2, Nessus script_id 9564502 (siblings of
# ttm_cmd_detect.nasl's .564.1 and 9564501). See docs/nasl.md.

if (description)
{
  if (defined_func("script_oid")) script_oid("1.3.6.1.4.1.32473.564.2");
  if (defined_func("script_id")) script_id(9564502);
  script_version("1.0");

  if (defined_func("script_oid"))
  {
    script_name("Trading Technologies Messaging (TTM) Possible ttm_cmd Listener (Unconfirmed)");
    script_family("Service detection");
    script_copyright("Copyright (C) 2026 the ttmtrack authors");
  }
  else
  {
    script_name(english:"Trading Technologies Messaging (TTM) Possible ttm_cmd Listener (Unconfirmed)");
    script_family(english:"Service detection");
    script_copyright(english:"Copyright (C) 2026 the ttmtrack authors");
  }

  if (defined_func("script_summary"))
    script_summary(english:"Reports a TTM port that is open, unidentified, and silent or answering in no known protocol.");

  if (defined_func("script_tag"))
  {
    script_tag(name:"creation_date", value:"2026-12-06 00:00:00 +0000 (Sun, 06 Dec 2026)");
    script_tag(name:"last_modification", value:"2026-12-06 00:00:00 +0000 (Sun, 06 Dec 2026)");
    # The same exposure as the confirmed tier, so the same severity; the weaker evidence is in
    # the Quality of Detection below.
    script_tag(name:"cvss_base", value:"5.0");
    script_tag(name:"cvss_base_vector", value:"AV:N/AC:L/Au:N/C:P/I:N/A:N");
    script_tag(name:"severity_vector", value:"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    script_tag(name:"summary", value:"A TCP port used by Trading Technologies Messaging (TTM) is open, the scanner could not identify its service, and it answers the TTM probe in no known protocol: possibly a ttm_cmd listener (the TTM command channel) that ignores the probe.");
    script_tag(name:"insight", value:"TTM daemons accept client requests over TCP (port 10200 by default; sites also use other ports such as 5010). The TTM wire protocol is not public and the probe of ttmtrack is an assumption: a daemon that ignores unknown requests stays silent (or sends only its own heartbeats), which the confirmed check cannot tell apart from nothing. This check reports such a port as a possible listener instead.");
    script_tag(name:"impact", value:"If the port is a ttm_cmd listener, anyone who can reach it can open a session with the TTM daemon. What the channel then allows depends on the TTM version and configuration.");
    script_tag(name:"vuldetect", value:"On TCP 5010, 10200 and the extra ports of the confirmed check (ttm_cmd_detect.nasl): skips closed ports, ports the service detection identified (TLS included) and ports the confirmed check reported; sends the TTM HELLO probe and reports the port when nothing comes back while the connection stays open until the reply timeout, or when the reply is neither the TTM signature nor the start of a known protocol (HTTP, SSH, TLS, SMTP, FTP, POP3, IMAP, VNC, echo).");
    script_tag(name:"solution", value:"Check which process listens on the port (for example ss -ltnp on Linux, netstat -abno on Windows). If it is the TTM daemon, restrict the port to trusted networks with a firewall rule (allow the trusted networks, drop everything else), review the TTM configuration so the daemon listens only where needed, then re-scan to verify. The result shows the rule for the detected port.");
    script_tag(name:"solution_type", value:"Mitigation");
    # 30 %: the port behaves as a TTM daemon that ignores the probe would, but so could other
    # silent or unknown services on a TTM port (docs/ttm-protocol.md section 4).
    script_tag(name:"qod", value:"30");
  }

  if (defined_func("script_set_attribute"))
  {
    script_set_attribute(attribute:"synopsis", value:"A TCP port used by Trading Technologies Messaging (TTM) may host a ttm_cmd command channel.");
    script_set_attribute(attribute:"description", value:"A TTM port of the remote host is open, the service detection could not identify it, and it answers the TTM HELLO probe of ttmtrack in no known protocol (it stays silent until the reply timeout, or sends unrecognised bytes). A TTM daemon that ignores the probe behaves like this, so the port may host a ttm_cmd listener (the command channel of Trading Technologies Messaging) reachable over the network. Unconfirmed: other silent services on the port behave the same way.");
    script_set_attribute(attribute:"solution", value:"Check which process listens on the port. If it is the TTM daemon, restrict the port to trusted networks with a firewall rule (allow the trusted networks, drop everything else), review the TTM configuration so the daemon listens only where needed, then re-scan to verify.");
    script_set_attribute(attribute:"risk_factor", value:"Medium");
    script_set_attribute(attribute:"cvss_vector", value:"CVSS2#AV:N/AC:L/Au:N/C:P/I:N/A:N");
    script_set_attribute(attribute:"cvss_base_score", value:"5.0");
    script_set_attribute(attribute:"cvss3_vector", value:"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    script_set_attribute(attribute:"cvss3_base_score", value:"5.3");
    script_set_attribute(attribute:"plugin_publication_date", value:"2026/12/06");
    script_set_attribute(attribute:"plugin_modification_date", value:"2026/12/06");
    script_set_attribute(attribute:"plugin_type", value:"remote");
  }
  if (defined_func("script_end_attributes")) script_end_attributes();

  script_category(ACT_GATHER_INFO);
  # After the confirmed tier: its published ports and timeout, and its registrations. OpenVAS
  # names a dependency by its path under the plugins folder (ttm-feed-install puts both plugins
  # in private/), Nessus by its file name.
  if (defined_func("script_oid"))
    script_dependencies("find_service.nasl", "private/ttm_cmd_detect.nasl");
  else
    script_dependencies("find_service.nasl", "ttm_cmd_detect.nasl");
  script_require_ports("Services/unknown", 5010, 10200);
  script_xref(name:"TTMTRACK", value:"c564e5ab");

  script_add_preference(name:"Report possible (unconfirmed) ttm_cmd listeners", type:"checkbox", value:"yes");
  exit(0);
}

# The probe, how its reply is read, and the report helpers both tiers share: generated from
# ttmtrack's C++ definition (core/ttm_probe.cpp, the one the C++ side uses too). The build
# fails while a block differs from it; `ttm-nasl-block update FILE` rewrites them.
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
# BEGIN GENERATED ttm-classifier (rendered by ttm-nasl-block from ttmtrack's C++; do not edit)
# How a reply to the probe is read (core::ClassifyReply, core::TierOf). Patterns run on
# hexstr() of the reply, anchored at its first byte.
global_var ttm_frame_hex_pattern, ttm_banner_names, ttm_banner_hex_patterns;
global_var ttm_min_silence;
# Any frame of the assumed framing: magic "TTMC", version 1.
ttm_frame_hex_pattern = "^54544d4301";
# Replies of other protocols, tried in this order.
ttm_banner_names = make_list("http", "ssh", "tls", "smtp-ftp", "pop3", "imap", "vnc");
ttm_banner_hex_patterns = make_list(
  # http: an HTTP status line: "HTTP/"
  "^485454502f",
  # ssh: an SSH identification string: "SSH-"
  "^5353482d",
  # tls: a TLS record: alert (0x15) or handshake (0x16), version 0x0300 to 0x0304
  "^1[5-6]030[0-4]",
  # smtp-ftp: a numeric reply line of SMTP, FTP, NNTP and the like: three digits, then space or -
  "^(3[1-5]3[0-9]3[0-9]20|3[1-5]3[0-9]3[0-9]2d)",
  # pop3: a POP3 (or Redis) status: "+OK" or "-ERR"
  "^(2b4f4b|2d455252)",
  # imap: an IMAP greeting: "* OK", "* PREAUTH" or "* BYE"
  "^(2a204f4b|2a2050524541555448|2a20425945)",
  # vnc: an RFB (VNC) protocol version: "RFB "
  "^52464220");
# The shortest reply timeout (s) that tells "silent until the timeout" from "hung up at
# once" on unixtime(), which counts whole seconds and may lag a clock tick.
ttm_min_silence = 3;

# "none", "confirmed", "echo", "ttm-frame", a name of ttm_banner_names, or "unrecognised".
function ttm_classify(reply)
{
  local_var hex, probe_hex, i;
  if (isnull(reply) || strlen(reply) == 0) return "none";
  hex = hexstr(reply);
  if (strlen(reply) >= ttm_reply_min_length && ereg(string:hex, pattern:ttm_reply_hex_pattern))
    return "confirmed";
  probe_hex = hexstr(ttm_probe);
  if (strlen(hex) >= strlen(probe_hex) && substr(hex, 0, strlen(probe_hex) - 1) == probe_hex)
    return "echo";
  if (ereg(string:hex, pattern:ttm_frame_hex_pattern)) return "ttm-frame";
  for (i = 0; i < max_index(ttm_banner_names); i++)
  {
    if (ereg(string:hex, pattern:ttm_banner_hex_patterns[i])) return ttm_banner_names[i];
  }
  return "unrecognised";
}

# TRUE when a recv() that returned nothing after `waited` seconds by unixtime() had kept the
# connection open for the whole `timeout` (at least ttm_min_silence): that reads at least
# timeout - 1, and a peer that hung up at once reads 0 or 1 (core::StayedSilent).
function ttm_stayed_silent(waited, timeout)
{
  return waited >= timeout - 1;
}

# "confirmed", "unconfirmed" or "" (report nothing). silent: nothing came back and the
# connection stayed open until the reply timeout.
function ttm_tier(kind, silent)
{
  if (kind == "confirmed") return "confirmed";
  if (kind == "ttm-frame" || kind == "unrecognised") return "unconfirmed";
  if (kind == "none" && silent) return "unconfirmed";
  return "";
}
# END GENERATED ttm-classifier
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

if (script_get_preference("Report possible (unconfirmed) ttm_cmd listeners") == "no") exit(0);

# The TTM ports and the reply timeout as ttm_cmd_detect.nasl resolved them from its preferences
# (it runs first and publishes them); its defaults where it did not run.
global_var ttm_timeout;
ttm_ports = get_kb_list("ttmtrack/ttm_ports");
if (isnull(ttm_ports)) ttm_ports = ttm_default_ports;
ttm_timeout = int(get_kb_item("ttmtrack/ttm_reply_timeout"));
if (ttm_timeout <= 0) ttm_timeout = ttm_default_timeout;
if (ttm_timeout < ttm_min_silence) ttm_timeout = ttm_min_silence;

# True when the scanner knows what runs on the port: a service name other than "unknown" in
# Known/tcp/<port> (what register_service() and service_register() write; ttm_cmd_detect.nasl
# writes ttm_cmd there), or an encapsulation such as TLS in Transports/TCP/<port> (above 1,
# ENCAPS_IP, in both scanners).
function ttm_identified(port)
{
  local_var known, transport;
  known = get_kb_item("Known/tcp/" + port);
  if (!isnull(known) && strlen(string(known)) > 0 && string(known) != "unknown") return TRUE;
  transport = get_kb_item("Transports/TCP/" + port);
  if (!isnull(transport) && int(transport) > 1) return TRUE;
  return FALSE;
}

function ttm_report_unconfirmed(port, reply, kind, waited)
{
  local_var report, known, type, name;
  report =
    'A possible ttm_cmd listener (Trading Technologies Messaging command channel, ttmtrack detection c564e5ab) is on port ' + port + '/tcp:\n' +
    'the port is a TTM port, it is open, the scanner\'s service detection did not identify it, and its answer\n' +
    'to the TTM probe is not a known protocol. Unconfirmed: it did not answer with the HELLO_ACK the confirmed\n' +
    'check requires.\n' +
    '\n' +
    'Detection tier        : unconfirmed\n' +
    'Probe sent (hex)      : ' + hexstr(ttm_probe) + '\n';
  if (kind == "none")
  {
    report +=
      'Reply received        : none; the connection stayed open and silent until the reply timeout (' + ttm_timeout + ' s; measured ' + waited + ' s)\n';
  }
  else
  {
    report +=
      'Reply received (hex)  : ' + ttm_hex(bytes:reply) + '\n' +
      'Reply received (text) : ' + ttm_printable(bytes:reply, max:256) + '\n' +
      'Reply length          : ' + strlen(reply) + ' bytes, about ' + waited + ' s after the probe\n';
    if (kind == "ttm-frame")
    {
      type = "";
      if (strlen(reply) > 5) type = ', message type 0x' + hexstr(reply[5]);
      report += 'Reply reading         : a frame of the assumed TTM framing (magic TTMC, version 1' + type + '),\n' +
                '                        but not the HELLO_ACK answering the probe: the listener sent a frame of its own\n';
    }
    else
    {
      known = "echo";
      foreach name (ttm_banner_names) known += ", " + name;
      report += 'Reply reading         : neither the assumed TTM reply nor the start of a known protocol (' + known + ')\n';
    }
  }
  report +=
    '\n' +
    'To confirm, on the host: find the process that listens on the port (Linux: ss -ltnp \'sport = :' + port + '\';\n' +
    'Windows: netstat -abno, the line with :' + port + ') and check whether it is the TTM daemon (ttmd).\n' +
    '\n' +
    ttm_remediation(port:port) +
    '\n' +
    'Note: the probe and reply signature are an assumption of ttmtrack, not a published TTM specification.\n' +
    'A TTM daemon that ignores the probe looks like this port; so would another silent or unknown service on it.';
  ttm_post(port:port, report:report);
}

# Probes one TTM port and reports it when ttm_tier() says unconfirmed.
function ttm_check_unconfirmed(port)
{
  local_var soc, start, reply, waited, kind;
  if (!get_port_state(port)) return;
  if (ttm_identified(port:port)) return;
  soc = open_sock_tcp(port);
  if (!soc) return;
  start = unixtime();
  send(socket:soc, data:ttm_probe);
  reply = recv(socket:soc, length:1024, timeout:ttm_timeout);
  waited = unixtime() - start;
  close(soc);
  kind = ttm_classify(reply:reply);
  if (ttm_tier(kind:kind, silent:ttm_stayed_silent(waited:waited, timeout:ttm_timeout)) != "unconfirmed")
    return;
  ttm_report_unconfirmed(port:port, reply:reply, kind:kind, waited:waited);
}

checked = make_list();
foreach port (ttm_ports)
{
  port = int(port);
  if (checked[string(port)]) continue;
  checked[string(port)] = TRUE;
  ttm_check_unconfirmed(port:port);
}
exit(0);
