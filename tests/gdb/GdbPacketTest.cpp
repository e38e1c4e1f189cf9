// The remote protocol's framing (gdb manual, appendix E.1), hex numbers and
// the --gdb endpoint syntax, on byte streams good and bad.

#include <QtTest>

#include <random>

#include "gdb/Endpoint.h"
#include "gdb/Hex.h"
#include "gdb/Packet.h"

using namespace glasshart::gdb;

namespace {

using Kind = PacketEvent::Kind;

std::vector<PacketEvent> feed(PacketReader& reader, std::string_view bytes) {
    return reader.feed({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

std::vector<PacketEvent> feedAll(std::string_view bytes, std::size_t maxPayload = kMaxPayload) {
    PacketReader reader(maxPayload);
    return feed(reader, bytes);
}

// The checksum the manual defines: the payload's bytes summed modulo 256,
// as two lower-case hex digits.
std::string checksumOf(std::string_view raw) {
    unsigned sum = 0;
    for (const char c : raw) sum += static_cast<unsigned char>(c);
    char digits[3];
    std::snprintf(digits, sizeof digits, "%02x", sum & 0xff);
    return digits;
}

// A packet framed by hand, from raw (already escaped) payload bytes.
std::string rawPacket(std::string_view raw) { return "$" + std::string(raw) + "#" + checksumOf(raw); }

PacketEvent packet(std::string payload) { return PacketEvent{Kind::Packet, std::move(payload)}; }
PacketEvent marker(Kind kind) { return PacketEvent{kind, {}}; }

}  // namespace

Q_DECLARE_METATYPE(std::string)

class GdbPacketTest : public QObject {
    Q_OBJECT

private slots:
    void framesAsTheManualShows();
    void escapesEveryByteThatNeedsIt();
    void anyPayloadSurvivesFraming();
    void packetsSurviveAnyCutOfTheStream();
    void acksNaksAndInterruptsBetweenPackets();
    void wrongChecksumsAreReported();
    void runLengthEncodingIsExpanded();
    void malformedPayloads();
    void tooLongPacketsAreSkippedWhole();
    void dollarResynchronises();
    void knowsWhenItIsInsideAPacket();
    void hexNumbersAndRegisters();
    void endpoints_data();
    void endpoints();
    void badEndpoints_data();
    void badEndpoints();
};

void GdbPacketTest::framesAsTheManualShows() {
    // 'O' + 'K' = 0x4f + 0x4b = 0x9a.
    QCOMPARE(framePacket("OK"), std::string("$OK#9a"));
    QCOMPARE(framePacket(""), std::string("$#00"));
    QCOMPARE(framePacket("OK"), rawPacket("OK"));
}

void GdbPacketTest::escapesEveryByteThatNeedsIt() {
    // '$', '#', '}' and '*' become '}' followed by the byte XOR 0x20; the
    // checksum covers the escaped form.
    const std::string raw = "a}\x04}\x03}]}\x0a" "b";
    QCOMPARE(framePacket("a$#}*b"), rawPacket(raw));
    QCOMPARE(feedAll(framePacket("a$#}*b")), std::vector{packet("a$#}*b")});
}

void GdbPacketTest::anyPayloadSurvivesFraming() {
    std::string every;
    for (int byte = 0; byte < 256; ++byte) every.push_back(static_cast<char>(byte));
    QCOMPARE(feedAll(framePacket(every)), std::vector{packet(every)});
    std::mt19937 random(6);
    for (int round = 0; round < 200; ++round) {
        std::string payload(random() % 300, '\0');
        for (char& c : payload) c = static_cast<char>(random());
        QCOMPARE(feedAll(framePacket(payload)), std::vector{packet(payload)});
    }
}

void GdbPacketTest::packetsSurviveAnyCutOfTheStream() {
    const std::string stream = "+" + framePacket("qSupported:swbreak+") + "-" + framePacket("m80000000,4") + "\x03" +
                               framePacket("X80000000,2:}$");
    const std::vector expected{marker(Kind::Ack), packet("qSupported:swbreak+"), marker(Kind::Nak),
                               packet("m80000000,4"), marker(Kind::Interrupt), packet("X80000000,2:}$")};
    QCOMPARE(feedAll(stream), expected);
    for (std::size_t cut = 1; cut < stream.size(); ++cut) {
        PacketReader reader;
        auto events = feed(reader, std::string_view(stream).substr(0, cut));
        const auto rest = feed(reader, std::string_view(stream).substr(cut));
        events.insert(events.end(), rest.begin(), rest.end());
        QCOMPARE(events, expected);
    }
    PacketReader reader;
    std::vector<PacketEvent> events;
    for (const char c : stream) {
        const auto some = feed(reader, std::string_view(&c, 1));
        events.insert(events.end(), some.begin(), some.end());
    }
    QCOMPARE(events, expected);
}

void GdbPacketTest::acksNaksAndInterruptsBetweenPackets() {
    QCOMPARE(feedAll("+-\x03"), (std::vector{marker(Kind::Ack), marker(Kind::Nak), marker(Kind::Interrupt)}));
    // Other bytes between packets mean nothing.
    QCOMPARE(feedAll("xyz\r\n" + framePacket("g") + "!"), std::vector{packet("g")});
    // Inside a packet 0x03 and '+' are payload.
    QCOMPARE(feedAll(rawPacket("a\x03+-")), std::vector{packet("a\x03+-")});
}

void GdbPacketTest::wrongChecksumsAreReported() {
    QCOMPARE(feedAll("$OK#00"), std::vector{marker(Kind::BadChecksum)});
    QCOMPARE(feedAll("$OK#9A"), std::vector{packet("OK")});  // upper-case digits are digits too
    QCOMPARE(feedAll("$OK#zz"), std::vector{marker(Kind::BadChecksum)});
    // The reader carries on with the next packet.
    QCOMPARE(feedAll("$OK#9b$OK#9a"), (std::vector{marker(Kind::BadChecksum), packet("OK")}));
}

void GdbPacketTest::runLengthEncodingIsExpanded() {
    // "0* " is '0' plus ' ' - 29 = 3 more: four zeros (manual E.1).
    QCOMPARE(feedAll(rawPacket("0* ")), std::vector{packet("0000")});
    QCOMPARE(feedAll(rawPacket("ab*\"c")), std::vector{packet("abbbbbbc")});  // 34 - 29 = 5 more
    // A repeated escaped byte.
    QCOMPARE(feedAll(rawPacket("}]* ")), std::vector{packet("}}}}")});
}

void GdbPacketTest::malformedPayloads() {
    QCOMPARE(feedAll(rawPacket("* ")), std::vector{marker(Kind::Malformed)});       // nothing to repeat
    QCOMPARE(feedAll(rawPacket("a*\x01")), std::vector{marker(Kind::Malformed)});  // not a printable count
    // '}' or '*' right before '#'.
    QCOMPARE(feedAll("$a}#" + checksumOf("a}")), std::vector{marker(Kind::Malformed)});
    QCOMPARE(feedAll("$a*#" + checksumOf("a*")), std::vector{marker(Kind::Malformed)});
    QCOMPARE(feedAll(rawPacket("* ") + framePacket("OK")), (std::vector{marker(Kind::Malformed), packet("OK")}));
}

void GdbPacketTest::tooLongPacketsAreSkippedWhole() {
    constexpr std::size_t kLimit = 16;
    QCOMPARE(feedAll(framePacket(std::string(kLimit, 'a')), kLimit), std::vector{packet(std::string(kLimit, 'a'))});
    QCOMPARE(feedAll(framePacket(std::string(kLimit + 1, 'a')) + framePacket("OK"), kLimit),
             (std::vector{marker(Kind::TooLong), packet("OK")}));
    // Run-length encoding cannot smuggle a longer payload in.
    QCOMPARE(feedAll(rawPacket("a*~") + framePacket("OK"), kLimit), (std::vector{marker(Kind::TooLong), packet("OK")}));
    // A stream that never ends its packet is reported once and costs nothing more.
    PacketReader reader(kLimit);
    QCOMPARE(feed(reader, "$" + std::string(1000, 'x')), std::vector{marker(Kind::TooLong)});
    QVERIFY(feed(reader, std::string(100000, 'x')).empty());
    QCOMPARE(feed(reader, "#00" + framePacket("g")), std::vector{packet("g")});
}

void GdbPacketTest::dollarResynchronises() {
    QCOMPARE(feedAll("$abc" + framePacket("OK")), std::vector{packet("OK")});
    QCOMPARE(feedAll("$abc#" + framePacket("OK")), std::vector{packet("OK")});
}

void GdbPacketTest::knowsWhenItIsInsideAPacket() {
    PacketReader reader;
    QVERIFY(!reader.insidePacket());
    QVERIFY(feed(reader, "+$m8000").size() == 1);
    QVERIFY(reader.insidePacket());
    QVERIFY(feed(reader, "0000,4#").empty());
    QVERIFY(reader.insidePacket());
    QCOMPARE(feed(reader, checksumOf("m80000000,4")), std::vector{packet("m80000000,4")});
    QVERIFY(!reader.insidePacket());
}

void GdbPacketTest::hexNumbersAndRegisters() {
    QCOMPARE(parseNumber("80001000"), std::optional<std::uint64_t>(0x80001000));
    QCOMPARE(parseNumber("FFFFffffFFFFffff"), std::optional<std::uint64_t>(~0ull));
    QCOMPARE(parseNumber(""), std::nullopt);
    QCOMPARE(parseNumber("1ffffffffffffffff"), std::nullopt);  // 17 digits
    QCOMPARE(parseNumber("12g"), std::nullopt);
    QCOMPARE(parseNumber("-1"), std::nullopt);
    QCOMPARE(formatNumber(0), std::string("0"));
    QCOMPARE(formatNumber(0x80000abc), std::string("80000abc"));
    // Registers are little-endian, as the target stores them.
    QCOMPARE(registerToHex(0x1122334455667788, 8), std::string("8877665544332211"));
    QCOMPARE(registerToHex(0x80000000, 4), std::string("00000080"));
    QCOMPARE(registerFromHex("8877665544332211", 8), std::optional<std::uint64_t>(0x1122334455667788));
    QCOMPARE(registerFromHex("887766", 4), std::nullopt);
    QCOMPARE(registerFromHex("8877665x", 4), std::nullopt);
    QCOMPARE(toHex(std::string_view("hi\n")), std::string("68690a"));
    QCOMPARE(fromHex("68690A"), std::optional(std::vector<std::uint8_t>{'h', 'i', '\n'}));
    QCOMPARE(fromHex("686"), std::nullopt);
}

void GdbPacketTest::endpoints_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("port only is loopback") << "1234" << "127.0.0.1" << 1234;
    QTest::newRow("any free port") << "0" << "127.0.0.1" << 0;
    QTest::newRow("highest port") << "65535" << "127.0.0.1" << 65535;
    QTest::newRow("explicit address") << "0.0.0.0:3333" << "0.0.0.0" << 3333;
    QTest::newRow("host name") << "localhost:3333" << "localhost" << 3333;
    QTest::newRow("IPv6") << "[::1]:3333" << "::1" << 3333;
}

void GdbPacketTest::endpoints() {
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    const auto parsed = parseEndpoint(text.toStdString());
    const auto* endpoint = std::get_if<Endpoint>(&parsed);
    QVERIFY2(endpoint, std::get_if<std::string>(&parsed) ? std::get<std::string>(parsed).c_str() : "");
    QCOMPARE(QString::fromStdString(endpoint->host), host);
    QCOMPARE(int(endpoint->port), port);
}

void GdbPacketTest::badEndpoints_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("empty") << "" << "the port must be a number from 0 to 65535, not ''";
    QTest::newRow("too big") << "65536" << "the port must be a number from 0 to 65535, not '65536'";
    QTest::newRow("negative") << "-1" << "the port must be a number from 0 to 65535, not '-1'";
    QTest::newRow("word") << "gdb" << "the port must be a number from 0 to 65535, not 'gdb'";
    QTest::newRow("trailing junk") << "12x" << "the port must be a number from 0 to 65535, not '12x'";
    QTest::newRow("no port") << "localhost:" << "the port must be a number from 0 to 65535, not ''";
    QTest::newRow("no host") << ":1234" << "no host before ':' in ':1234'";
    QTest::newRow("bare IPv6") << "::1:1234" << "write an IPv6 address in brackets, as [::1]:PORT";
}

void GdbPacketTest::badEndpoints() {
    QFETCH(QString, text);
    QFETCH(QString, complaint);
    const auto parsed = parseEndpoint(text.toStdString());
    QVERIFY(std::holds_alternative<std::string>(parsed));
    QCOMPARE(QString::fromStdString(std::get<std::string>(parsed)), complaint);
}

QTEST_APPLESS_MAIN(GdbPacketTest)
#include "GdbPacketTest.moc"
