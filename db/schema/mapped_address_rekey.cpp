#include "db/schema/mapped_address_rekey.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/host_key.hpp"
#include "core/ip_address.hpp"
#include "db/scan_writer.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db::schema {
namespace {

// A scan_hosts row stored under a mapped key, with the columns the host upsert binds.
struct MappedHost {
  std::int64_t id = 0;
  std::int64_t scan_id = 0;
  std::string key;  // the IPv4 key it moves to
  std::string name, fqdn, netbios_name, os, mac, completion;
  std::optional<std::int64_t> started_at, ended_at;
};

// Earlier versions wrote every mapped address as glibc's inet_ntop does: "::ffff:a.b.c.d".
// lower(): SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
std::vector<MappedHost> FindMappedHosts(sql::Connection& db) {
  auto select = db.Prepare(
      "SELECT id, scan_id, ip, name, fqdn, netbios_name, os, mac, started_at, ended_at, "
      "completion FROM scan_hosts WHERE lower(ip) LIKE '::ffff:%' ORDER BY id");
  std::vector<MappedHost> hosts;
  while (select.Step()) {
    const std::optional<core::IpAddress> address = core::IpAddress::Parse(select.Text(2));
    if (!address || !address->is_v4()) continue;  // e.g. ::ffff:0:a.b.c.d is IPv6
    MappedHost host;
    host.id = select.Int64(0);
    host.scan_id = select.Int64(1);
    host.key = address->ToString();
    host.name = select.Text(3);
    if (core::HostKey(host.name) == host.key) host.name = host.key;
    host.fqdn = select.Text(4);
    host.netbios_name = select.Text(5);
    host.os = select.Text(6);
    host.mac = select.Text(7);
    host.started_at = select.OptionalInt64(8);
    host.ended_at = select.OptionalInt64(9);
    host.completion = select.Text(10);
    hosts.push_back(std::move(host));
  }
  return hosts;
}

}  // namespace

void RekeyMappedAddresses(sql::Connection& db) {
  const std::vector<MappedHost> hosts = FindMappedHosts(db);
  if (hosts.empty()) return;
  auto upsert = db.Prepare(std::string(UpsertScanHostSql()));
  auto find = db.Prepare("SELECT id FROM scan_hosts WHERE scan_id = ?1 AND ip = ?2");
  auto move_ports = db.Prepare(
      "INSERT INTO scan_host_ports(scan_host_id, port, protocol) "
      "SELECT ?2, port, protocol FROM scan_host_ports WHERE scan_host_id = ?1 "
      "ON CONFLICT DO NOTHING");
  auto move_detections =
      db.Prepare("UPDATE detections SET scan_host_id = ?2, ip = ?3 WHERE scan_host_id = ?1");
  auto remove = db.Prepare("DELETE FROM scan_hosts WHERE id = ?1");
  std::set<std::int64_t> scans;
  for (const MappedHost& host : hosts) {
    upsert.Bind(1, host.scan_id)
        .Bind(2, host.key)
        .Bind(3, host.name)
        .Bind(4, host.fqdn)
        .Bind(5, host.netbios_name)
        .Bind(6, host.os)
        .Bind(7, host.mac)
        .Bind(8, host.started_at)
        .Bind(9, host.ended_at)
        .Bind(10, host.completion);
    upsert.Run();
    find.Bind(1, host.scan_id).Bind(2, host.key);
    find.Step();
    const std::int64_t target = find.Int64(0);
    find.Reset();
    move_ports.Bind(1, host.id).Bind(2, target);
    move_ports.Run();
    move_detections.Bind(1, host.id).Bind(2, target).Bind(3, host.key);
    move_detections.Run();
    remove.Bind(1, host.id);
    remove.Run();
    scans.insert(host.scan_id);
  }
  auto recount = db.Prepare(
      "UPDATE scans SET hosts_read = (SELECT count(*) FROM scan_hosts h WHERE h.scan_id = ?1) "
      "WHERE id = ?1");
  for (const std::int64_t scan_id : scans) {
    recount.Bind(1, scan_id);
    recount.Run();
  }
}

}  // namespace ttmtrack::db::schema
