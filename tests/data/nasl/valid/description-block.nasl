# A plugin skeleton that runs under both scanners.
if (description)
{
  if (defined_func("script_oid")) script_oid("1.3.6.1.4.1.32473.1.2.3");
  if (defined_func("script_id")) script_id(1999999);
  if (defined_func("script_tag")) script_tag(name:"cvss_base_vector", value:"AV:N/AC:L/Au:N/C:N/I:N/A:N");
  if (defined_func("script_set_attribute")) script_set_attribute(attribute:"synopsis", value:"A test.");
  if (defined_func("script_end_attributes")) script_end_attributes();
  script_name("Parser skeleton");
  script_category(ACT_GATHER_INFO);
  script_family("Service detection");
  script_require_ports("Services/unknown", 5010);
  exit(0);
}

port = get_kb_item("Services/unknown");
if (!port) port = 5010;
if (!get_port_state(port)) exit(0);
soc = open_sock_tcp(port);
if (!soc) exit(0);
send(socket:soc, data:string("HELLO\r\n"));
r = recv(socket:soc, length:1024);
close(soc);
if (defined_func("log_message")) log_message(port:port, data:r);
