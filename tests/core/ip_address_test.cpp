#include "core/ip_address.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <unordered_set>
#include <vector>

#include <arpa/inet.h>
#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

// The C library's reading of `text`, for the differential tests only (core itself uses none).
struct LibcReading {
  bool v4 = false;
  bool v6 = false;
  Bytes bytes{};
};

LibcReading ReadWithLibc(const std::string& text) {
  LibcReading reading;
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    reading.v4 = true;
    std::memcpy(reading.bytes.data(), &v4, sizeof v4);
  } else if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    reading.v6 = true;
    std::memcpy(reading.bytes.data(), &v6, sizeof v6);
  }
  return reading;
}

std::string LibcText(int family, const std::uint8_t* bytes) {
  char buffer[INET6_ADDRSTRLEN] = {};
  EXPECT_NE(inet_ntop(family, bytes, buffer, sizeof buffer), nullptr);
  return buffer;
}

bool IsMapped(const Bytes& bytes) {
  static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  return std::memcmp(bytes.data(), kPrefix, sizeof kPrefix) == 0;
}

// What ttmtrack must make of an address the C library read: the same bytes, the same text,
// except that an IPv4-mapped address is its IPv4 address.
void ExpectSameAsLibc(const std::string& text) {
  const LibcReading libc = ReadWithLibc(text);
  const std::optional<IpAddress> ours = IpAddress::Parse(text);
  ASSERT_EQ(ours.has_value(), libc.v4 || libc.v6) << "'" << text << "'";
  if (!ours) return;
  if (libc.v4 || IsMapped(libc.bytes)) {
    const std::uint8_t* v4 = libc.v4 ? libc.bytes.data() : libc.bytes.data() + 12;
    EXPECT_TRUE(ours->is_v4()) << text;
    EXPECT_TRUE(std::equal(v4, v4 + 4, ours->bytes().begin())) << text;
    EXPECT_EQ(ours->ToString(), LibcText(AF_INET, v4)) << text;
  } else {
    EXPECT_FALSE(ours->is_v4()) << text;
    EXPECT_EQ(ours->bytes(), libc.bytes) << text;
    EXPECT_EQ(ours->ToString(), LibcText(AF_INET6, libc.bytes.data())) << text;
  }
}

std::string Canonical(std::string_view text) {
  const std::optional<IpAddress> address = IpAddress::Parse(text);
  EXPECT_TRUE(address.has_value()) << "refused '" << text << "'";
  return address ? address->ToString() : "<refused>";
}

IpAddress Address(std::string_view text) {
  const std::optional<IpAddress> address = IpAddress::Parse(text);
  if (!address) ADD_FAILURE() << "refused '" << text << "'";
  return address.value_or(IpAddress());
}

// --- IPv4 ----------------------------------------------------------------------------------

TEST(IpAddressTest, ReadsIpv4DottedQuads) {
  for (const char* text : {"0.0.0.0", "1.2.3.4", "10.0.0.10", "192.0.2.255", "255.255.255.255",
                           "100.20.3.0", "9.99.199.249"}) {
    EXPECT_EQ(Canonical(text), text);
    EXPECT_TRUE(Address(text).is_v4()) << text;
  }
  const IpAddress address = Address("192.0.2.10");
  EXPECT_EQ(address.family(), IpAddress::Family::kV4);
  EXPECT_EQ(address.bit_length(), 32);
  EXPECT_EQ(address.v4_value(), 0xC000020Au);
  EXPECT_EQ(address.bytes(), (Bytes{192, 0, 2, 10}));
}

TEST(IpAddressTest, RefusesEveryMalformedIpv4) {
  for (const char* text : {"",
                           " ",
                           ".",
                           "...",
                           "1",
                           "1.2",
                           "1.2.3",
                           "1.2.3.4.5",
                           "1.2.3.",
                           ".1.2.3",
                           ".1.2.3.4",
                           "1.2.3.4.",
                           "1..2.3",
                           "1.2..3.4",
                           "256.1.1.1",
                           "1.256.1.1",
                           "1.2.3.256",
                           "999.1.1.1",
                           "1000.1.1.1",
                           "1.2.3.1000",
                           "1.2.3.04",
                           "01.2.3.4",
                           "00.1.2.3",
                           "1.2.3.00",
                           "1.02.3.4",
                           "1.2.3.4 ",
                           " 1.2.3.4",
                           "1.2.3.4\n",
                           "\t1.2.3.4",
                           "1.2. 3.4",
                           "0x1.2.3.4",
                           "1.2.3.0x4",
                           "0x7f000001",
                           "017700000001",
                           "2130706433",
                           "127.1",
                           "127.0.1",
                           "+1.2.3.4",
                           "-1.2.3.4",
                           "1.2.3.-4",
                           "1.2.3.4/32",
                           "1.2.3.4%eth0",
                           "[1.2.3.4]",
                           "1.2.3.4:80",
                           "1.2.3.a",
                           "a.b.c.d",
                           "1,2,3,4",
                           "1.2.3.4e0",
                           "\xef\xbc\x91.2.3.4",
                           "1.2.3.4\xc2\xa0",
                           "localhost",
                           "host.example.com"}) {
    EXPECT_FALSE(IpAddress::Parse(text).has_value()) << "accepted '" << text << "'";
  }
  EXPECT_FALSE(IpAddress::Parse(std::string_view("1.2.3.4\0", 8)).has_value());
  EXPECT_FALSE(IpAddress::Parse(std::string_view("1.2\0.3.4", 8)).has_value());
}

TEST(IpAddressTest, EveryOctetSpellingIsReadAsTheCLibraryReadsIt) {
  // 0-999 and the zero-padded 00-099, 000-099, in each of the four positions.
  std::vector<std::string> octets;
  for (int value = 0; value < 1000; ++value) {
    octets.push_back(std::to_string(value));
    if (value < 100) octets.push_back((value < 10 ? "00" : "0") + std::to_string(value));
    if (value < 10) octets.push_back("0" + std::to_string(value));
  }
  for (const std::string& octet : octets) {
    ExpectSameAsLibc(octet + ".0.0.1");
    ExpectSameAsLibc("10." + octet + ".0.1");
    ExpectSameAsLibc("10.0." + octet + ".1");
    ExpectSameAsLibc("10.0.0." + octet);
    ExpectSameAsLibc("::ffff:10.0.0." + octet);
  }
}

// --- IPv6 ----------------------------------------------------------------------------------

struct TextCase {
  const char* text;
  const char* canonical;
};

TEST(IpAddressTest, ReadsIpv6AndWritesRfc5952Text) {
  const TextCase cases[] = {
      {"::", "::"},
      {"0:0:0:0:0:0:0:0", "::"},
      {"0000:0000:0000:0000:0000:0000:0000:0000", "::"},
      {"::1", "::1"},
      {"0:0:0:0:0:0:0:1", "::1"},
      {"1::", "1::"},
      {"1:0:0:0:0:0:0:0", "1::"},
      {"2001:db8::1", "2001:db8::1"},
      {"2001:DB8::1", "2001:db8::1"},
      {"2001:Db8:0:0:0:0:0:1", "2001:db8::1"},
      {"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
      {"2001:db8::0:1", "2001:db8::1"},
      {"2001:db8:0:0:0::1", "2001:db8::1"},
      // A single zero group is written 0, never "::" (RFC 5952 §4.2.2).
      {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
      {"2001:db8::1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
      {"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"},
      {"::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"},
      {"1:2:3::5:6:7:8", "1:2:3:0:5:6:7:8"},
      // The longest run is compressed; of equal runs the first (§4.2.3).
      {"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
      {"1:0:0:0:2:0:0:3", "1::2:0:0:3"},
      {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
      {"0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"},
      {"1:0:0:1:0:0:1:1", "1::1:0:0:1:1"},
      // Leading zeros go, hex is lower case (§4.1, §4.3).
      {"00ab:0CD:000e:F::0001", "ab:cd:e:f::1"},
      {"FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
      {"fe80::1", "fe80::1"},
      {"fe80::200:5eff:fe00:5301", "fe80::200:5eff:fe00:5301"},
      // Embedded IPv4 in the last 32 bits, read as two groups.
      {"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
      {"1::1.2.3.4", "1::102:304"},
      {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
      {"::ffff:0:192.0.2.1", "::ffff:0:c000:201"},
      {"2001:db8::255.255.255.255", "2001:db8::ffff:ffff"},
      // IPv4-compatible (deprecated) in mixed notation, as glibc has always written it; below
      // 2^16 it is an ordinary compressed address.
      {"::1.2.3.4", "::1.2.3.4"},
      {"::0102:0304", "::1.2.3.4"},
      {"::0.1.0.0", "::0.1.0.0"},
      {"::0.0.1.2", "::102"},
      {"::0.0.0.1", "::1"},
      {"::0.0.0.0", "::"},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(Canonical(c.text), c.canonical) << c.text;
    EXPECT_FALSE(Address(c.text).is_v4()) << c.text;
    EXPECT_EQ(Address(c.text).bit_length(), 128) << c.text;
    ExpectSameAsLibc(c.text);
  }
}

TEST(IpAddressTest, RefusesEveryMalformedIpv6) {
  for (const char* text : {":",
                           ":::",
                           "::::",
                           "1:::2",
                           "1::2::3",
                           "::1::",
                           "1::2::",
                           ":1::2",
                           ":1:2:3:4:5:6:7:8",
                           "1::2:",
                           "1:2:3:4:5:6:7:8:",
                           "1:2:3:4:5:6:7",
                           "1:2:3:4:5:6:7:8:9",
                           "1:2:3:4:5:6:7:8::",
                           "::1:2:3:4:5:6:7:8",
                           "1::2:3:4:5:6:7:8",
                           "1:2:3:4::5:6:7:8",
                           "12345::",
                           "::12345",
                           "1:2:3:4:5:6:7:00000",
                           "g::",
                           "::g",
                           "::1g",
                           "fe80::z",
                           "1:2:3:4:5:6:7:8%eth0",
                           "fe80::1%eth0",
                           "fe80::1%",
                           "[::1]",
                           "[2001:db8::1]",
                           "::1/128",
                           "2001:db8::/32",
                           " ::1",
                           "::1 ",
                           "::1\n",
                           ":: 1",
                           "1 ::",
                           "2001:db8:: 1",
                           "::-1",
                           "::+1",
                           "::0x1",
                           "0x1::",
                           "1.2.3.4::",
                           "1.2.3.4:5::",
                           "::1.2.3.4:5",
                           "::1.2.3.4::",
                           "::1.2.3",
                           "::1.2.3.4.5",
                           "::256.1.1.1",
                           "::1.2.3.04",
                           "::01.2.3.4",
                           "::1.2.3.",
                           "::.1.2.3",
                           "::ffff:1.2.3.4.",
                           "1:2:3:4:5:6:7:1.2.3.4",
                           "1::2:3:4:5:6:1.2.3.4",
                           "1:2:3:4:5:1.2.3.4",
                           "::1.2.3.4/96",
                           "::a.b.c.d",
                           "::1234.1.1.1",
                           "1.2.3.4:1::",
                           "::ffff:1.2.3.4:1",
                           "2001:db8::1:",
                           "2001:db8:::1",
                           "2001::db8::1",
                           ":2001:db8::1",
                           "2001;db8::1",
                           "2001.db8::1",
                           "::\xef\xbc\x91",
                           "\xef\xbc\x9a\xef\xbc\x9a",
                           "::1\xc2\xa0",
                           "::%1",
                           "[::1]:80",
                           "::1:80:",
                           "::ffff:10.0.0.1/128"}) {
    EXPECT_FALSE(IpAddress::Parse(text).has_value()) << "accepted '" << text << "'";
    ExpectSameAsLibc(text);
  }
  EXPECT_FALSE(IpAddress::Parse(std::string_view("::1\0", 4)).has_value());
  EXPECT_FALSE(IpAddress::Parse(std::string_view("2001:db8:\0:1", 12)).has_value());
}

// --- IPv4-mapped addresses ---------------------------------------------------------------------

TEST(IpAddressTest, MappedAddressesAreTheirIpv4Host) {
  const IpAddress host = Address("10.20.0.38");
  for (const char* text :
       {"::ffff:10.20.0.38", "::FFFF:10.20.0.38", "0:0:0:0:0:ffff:10.20.0.38", "::ffff:a14:26",
        "::ffff:0a14:0026", "0:0:0:0:0:FFFF:A14:26", "0000:0000:0000:0000:0000:ffff:0a14:0026",
        "0::ffff:10.20.0.38", "0:0:0::0:ffff:a14:26"}) {
    const IpAddress mapped = Address(text);
    EXPECT_TRUE(mapped.is_v4()) << text;
    EXPECT_EQ(mapped, host) << text;
    EXPECT_EQ(mapped.ToString(), "10.20.0.38") << text;
    EXPECT_EQ(std::hash<IpAddress>()(mapped), std::hash<IpAddress>()(host)) << text;
  }
  EXPECT_EQ(Canonical("::ffff:0.0.0.0"), "0.0.0.0");
  EXPECT_EQ(Canonical("::ffff:255.255.255.255"), "255.255.255.255");
  EXPECT_EQ(Canonical("::ffff:0:0"), "0.0.0.0");

  Bytes bytes{};
  bytes[10] = bytes[11] = 0xFF;
  bytes[12] = 192;
  bytes[15] = 7;
  EXPECT_EQ(IpAddress::FromV6(bytes), Address("192.0.0.7"));
}

TEST(IpAddressTest, OnlyTheMappedPrefixMeansIpv4) {
  // Neighbours of ::ffff:0:0/96 and the other IPv4-embedding prefixes stay IPv6.
  for (const char* text :
       {"::fffe:10.20.0.38", "::1:ffff:10.20.0.38", "1::ffff:10.20.0.38", "::ffff:0:10.20.0.38",
        "64:ff9b::10.20.0.38", "::10.20.0.38", "ffff::10.20.0.38", "::ffff"}) {
    EXPECT_FALSE(Address(text).is_v4()) << text;
    EXPECT_NE(Address(text), Address("10.20.0.38")) << text;
  }
}

// --- Tolerant reading --------------------------------------------------------------------------

TEST(IpAddressTest, TolerantReadingAcceptsWhatExportsWriteAroundAnAddress) {
  const TextCase cases[] = {
      {"192.0.2.1", "192.0.2.1"},
      {" 192.0.2.1\n", "192.0.2.1"},
      {"\t\r\n192.0.2.1 \v\f", "192.0.2.1"},
      {"[192.0.2.1]", "192.0.2.1"},
      {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
      {"[2001:db8::1]", "2001:db8::1"},
      {" [2001:db8::1] ", "2001:db8::1"},
      {"fe80::1%eth0", "fe80::1"},
      {"fe80::1%25", "fe80::1"},
      {"[fe80::1%eth0]", "fe80::1"},
      {"::FFFF:192.0.2.1", "192.0.2.1"},
      {"[::ffff:192.0.2.1]", "192.0.2.1"},
      {"::ffff:192.0.2.1%eth0", "192.0.2.1"},
  };
  for (const TextCase& c : cases) {
    const std::optional<IpAddress> address = IpAddress::ParseTolerant(c.text);
    ASSERT_TRUE(address.has_value()) << c.text;
    EXPECT_EQ(address->ToString(), c.canonical) << c.text;
  }
  for (const char* text :
       {"", "   ", "[]", "[ ]", "host.example.com", "192.0.2.256", "192.0.2", "192.0.2.1%eth0",
        "fe80::1%", "%eth0", "[192.0.2.1", "192.0.2.1]", "[[192.0.2.1]]", "[ 192.0.2.1 ]",
        "192.0.2.1/32", "fe80::1 %eth0", "192.0.2.1:80", "[2001:db8::1]:80"}) {
    EXPECT_FALSE(IpAddress::ParseTolerant(text).has_value()) << "accepted '" << text << "'";
  }
}

// --- Order, equality, hash -------------------------------------------------------------------

TEST(IpAddressTest, OrderIsIpv4ThenIpv6EachNumerically) {
  const std::vector<std::string> ordered = {"0.0.0.0",
                                            "0.0.0.1",
                                            "1.0.0.0",
                                            "9.255.255.255",
                                            "10.0.0.2",
                                            "10.0.0.9",
                                            "10.0.0.10",
                                            "10.0.0.100",
                                            "10.0.1.0",
                                            "192.0.2.1",
                                            "255.255.255.255",
                                            "::",
                                            "::1",
                                            "::2",
                                            "::1.2.3.4",
                                            "::1:0:0:0",
                                            "1::",
                                            "2001:db8::9",
                                            "2001:db8::a",
                                            "2001:db8::10",
                                            "2001:db8::ff",
                                            "2001:db8::100",
                                            "2001:db8:0:1::",
                                            "2001:db8:1::",
                                            "fe80::1",
                                            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"};
  std::vector<IpAddress> addresses;
  addresses.reserve(std::size(ordered));
  for (const std::string& text : ordered) addresses.push_back(Address(text));
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    for (std::size_t j = 0; j < addresses.size(); ++j) {
      EXPECT_EQ(addresses[i] < addresses[j], i < j) << ordered[i] << " vs " << ordered[j];
      EXPECT_EQ(addresses[i] == addresses[j], i == j) << ordered[i] << " vs " << ordered[j];
    }
  }
  // Text order would put 10.0.0.10 before 10.0.0.9 and 2001:db8::10 before 2001:db8::9.
  std::vector<IpAddress> shuffled = addresses;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  std::sort(shuffled.begin(), shuffled.end());
  EXPECT_EQ(shuffled, addresses);
}

TEST(IpAddressTest, MappedAddressesSortWithIpv4) {
  EXPECT_LT(Address("::ffff:10.0.0.9"), Address("10.0.0.10"));
  EXPECT_LT(Address("10.0.0.9"), Address("::ffff:10.0.0.10"));
  EXPECT_LT(Address("::ffff:255.255.255.255"), Address("::"));
}

TEST(IpAddressTest, SpellingsOfOneAddressAreEqualAndHashAlike) {
  std::unordered_set<IpAddress> set;
  for (const char* text : {"2001:db8::1", "2001:DB8::1", "2001:db8:0:0:0:0:0:1", "2001:db8::0:1",
                           "2001:0db8::0001", "10.0.0.1", "::ffff:10.0.0.1", "::ffff:a00:1"}) {
    set.insert(Address(text));
  }
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(set.count(Address("2001:db8::1")), 1u);
  EXPECT_EQ(set.count(Address("10.0.0.1")), 1u);
  EXPECT_NE(std::hash<IpAddress>()(Address("10.0.0.1")),
            std::hash<IpAddress>()(Address("::a00:1")));
}

TEST(IpAddressTest, DefaultIsTheIpv4ZeroAddress) {
  EXPECT_EQ(IpAddress(), Address("0.0.0.0"));
  EXPECT_EQ(IpAddress().ToString(), "0.0.0.0");
  EXPECT_NE(IpAddress(), Address("::"));
}

TEST(IpAddressTest, FromV4AndBackUseHostByteOrder) {
  EXPECT_EQ(IpAddress::FromV4(0x0A000001u).ToString(), "10.0.0.1");
  EXPECT_EQ(IpAddress::FromV4(0).ToString(), "0.0.0.0");
  EXPECT_EQ(IpAddress::FromV4(0xFFFFFFFFu).ToString(), "255.255.255.255");
  for (std::uint32_t value : {0u, 1u, 0x7F000001u, 0xC0000280u, 0xFFFFFFFEu}) {
    EXPECT_EQ(IpAddress::FromV4(value).v4_value(), value);
  }
}

// --- Round trips and the differential check against the C library ---------------------------

// A random address whose groups are zero with probability 1/2, so that every zero-run layout
// occurs; 1 in 8 is IPv4, 1 in 16 IPv4-mapped.
Bytes RandomBytes(std::mt19937& random, int& kind) {
  Bytes bytes{};
  kind = static_cast<int>(random() % 16);
  if (kind < 2) {
    for (std::size_t i = 0; i < 4; ++i) bytes[i] = static_cast<std::uint8_t>(random());
    return bytes;
  }
  for (std::size_t group = 0; group < 8; ++group) {
    if (random() % 2 == 0) continue;
    const auto value = static_cast<std::uint16_t>(random() % 4 == 0 ? random() % 16 : random());
    bytes[2 * group] = static_cast<std::uint8_t>(value >> 8);
    bytes[2 * group + 1] = static_cast<std::uint8_t>(value & 0xFFu);
  }
  if (kind == 2) {
    std::fill(bytes.begin(), bytes.begin() + 10, std::uint8_t{0});
    bytes[10] = bytes[11] = 0xFF;
  }
  return bytes;
}

TEST(IpAddressTest, RandomAddressesRoundTripAndMatchTheCLibrary) {
  std::mt19937 random(20260501);
  for (int round = 0; round < 20000; ++round) {
    int kind = 0;
    const Bytes bytes = RandomBytes(random, kind);
    const std::string text =
        kind < 2 ? LibcText(AF_INET, bytes.data()) : LibcText(AF_INET6, bytes.data());
    const std::optional<IpAddress> parsed = IpAddress::Parse(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    ExpectSameAsLibc(text);
    EXPECT_EQ(IpAddress::Parse(parsed->ToString()), parsed) << text;
    EXPECT_EQ(parsed->ToString(), IpAddress::Parse(parsed->ToString())->ToString()) << text;
    if (kind >= 2) {
      EXPECT_EQ(IpAddress::FromV6(bytes), *parsed) << text;
    }
  }
}

// Every placement of "::" over every run of zero groups, in either case and with leading
// zeros: all spellings of one address read as that address.
TEST(IpAddressTest, EveryCompressionOfEveryZeroLayoutReadsTheSame) {
  for (unsigned zeros = 0; zeros < 256; ++zeros) {
    std::array<std::uint16_t, 8> words{};
    for (std::size_t i = 0; i < 8; ++i) {
      words[i] = (zeros >> i & 1u) != 0 ? 0 : static_cast<std::uint16_t>(0x1000 * (i + 1) + 0xA);
    }
    Bytes bytes{};
    for (std::size_t i = 0; i < 8; ++i) {
      bytes[2 * i] = static_cast<std::uint8_t>(words[i] >> 8);
      bytes[2 * i + 1] = static_cast<std::uint8_t>(words[i] & 0xFFu);
    }
    const IpAddress expected = IpAddress::FromV6(bytes);
    auto group = [&](std::size_t i, bool padded, bool upper) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer,
                    padded ? (upper ? "%04X" : "%04x") : (upper ? "%X" : "%x"), words[i]);
      return std::string(buffer);
    };
    for (std::size_t start = 0; start <= 8; ++start) {
      for (std::size_t end = start; end <= 8; ++end) {
        bool all_zero = true;
        for (std::size_t i = start; i < end; ++i) all_zero = all_zero && words[i] == 0;
        if (!all_zero) continue;
        // [start, end) compressed; end == start means no "::" at all.
        for (int style = 0; style < 3; ++style) {
          std::string text;
          for (std::size_t i = 0; i < 8; ++i) {
            if (end > start && i == start) text += "::";
            if (end > start && i >= start && i < end) continue;
            if (!text.empty() && text.back() != ':') text += ':';
            text += group(i, style == 1, style == 2);
          }
          const std::optional<IpAddress> parsed = IpAddress::Parse(text);
          ASSERT_TRUE(parsed.has_value()) << text;
          EXPECT_EQ(*parsed, expected) << text;
          ExpectSameAsLibc(text);
        }
      }
    }
    EXPECT_EQ(expected.ToString(), LibcText(AF_INET6, bytes.data())) << zeros;
  }
}

// Random texts built from the pieces addresses are made of, most of them malformed: ours and
// the C library's reading agree on every one (acceptance, bytes, text).
TEST(IpAddressTest, RandomTextsAreReadExactlyAsTheCLibraryReadsThem) {
  const std::vector<std::string> pieces = {"0",
                                           "1",
                                           "00",
                                           "01",
                                           "9",
                                           "a",
                                           "F",
                                           "ff",
                                           "fFfF",
                                           "ffff",
                                           "12345",
                                           "255",
                                           "256",
                                           "010",
                                           "1000",
                                           "abcd",
                                           "g",
                                           ":",
                                           "::",
                                           ":::",
                                           ".",
                                           "..",
                                           "%",
                                           "%eth0",
                                           " ",
                                           "[",
                                           "]",
                                           "/",
                                           "/64",
                                           "x",
                                           "-",
                                           "+",
                                           "1.2.3.4",
                                           "::ffff:",
                                           "0:0:0:0:0:ffff:",
                                           "10.0.0.1",
                                           "1.2.3",
                                           "ffff:ffff:ffff:ffff"};
  std::mt19937 random(4291);
  int accepted = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    const std::size_t count = random() % 12;
    for (std::size_t i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    const LibcReading libc = ReadWithLibc(text);
    accepted += libc.v4 || libc.v6 ? 1 : 0;
    ExpectSameAsLibc(text);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(accepted, 1000);  // the generator reaches valid forms too, not only garbage
}

}  // namespace
}  // namespace ttmtrack::core
