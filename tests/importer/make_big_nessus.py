#!/usr/bin/env python3
"""Writes a large synthetic .nessus for the importer memory/speed measurement (docs/importer.md).

Usage: python3 tests/importer/make_big_nessus.py OUT.nessus SIZE_MB   (deterministic: seed 1)
"""
import random, sys
path, target_mb = sys.argv[1], int(sys.argv[2])
random.seed(1)
out = open(path, "w")
ids = ";".join(str(10000 + i) for i in range(120000))
out.write('<?xml version="1.0" ?>\n<NessusClientData_v2>\n<Policy><policyName>big</policyName>\n'
          '<Preferences><ServerPreferences><preference><name>plugin_set</name>\n'
          f'<value>{ids}</value>\n</preference><preference><name>port_range</name>\n'
          '<value>default</value>\n</preference></ServerPreferences></Preferences></Policy>\n'
          '<Report name="big" xmlns:cm="http://www.nessus.org/cm">\n')
words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
host = 0
while out.tell() < target_mb * 1_000_000:
    host += 1
    ip = f"10.{host >> 16 & 255}.{host >> 8 & 255}.{host & 255}"
    out.write(f'<ReportHost name="{ip}"><HostProperties>\n<tag name="host-ip">{ip}</tag>\n'
              '<tag name="HOST_START">Tue Mar 10 13:53:27 2020</tag>\n'
              '<tag name="HOST_END">Tue Mar 10 14:03:27 2020</tag>\n'
              f'<tag name="host-fqdn">h{host}.example.com</tag>\n</HostProperties>\n')
    for item in range(40):
        port = random.choice([0, 22, 80, 443, 5010, 8080])
        text = " ".join(random.choice(words) for _ in range(random.randint(10, 400)))
        out.write(f'<ReportItem port="{port}" svc_name="www" protocol="tcp" severity="{item % 5}" '
                  f'pluginID="{10000 + item}" pluginName="Plugin {item} &amp; co" '
                  'pluginFamily="General">\n<description>Synthetic description.</description>\n'
                  f'<plugin_output>{text}\n&lt;tag&gt; &#x263A;</plugin_output>\n'
                  '<risk_factor>None</risk_factor>\n</ReportItem>\n')
    out.write('</ReportHost>\n')
out.write('</Report>\n</NessusClientData_v2>\n')
print(host, "hosts")
