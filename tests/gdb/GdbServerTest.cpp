// GdbServer over real loopback TCP connections: where it listens, a port
// already taken, one client at a time, and clients that misbehave: they
// vanish mid-packet, send packets far too long, or interrupt a running hart.
// Nothing here sleeps: each step waits in poll() for the socket it needs.

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "gdb/GdbServer.h"
#include "gdb/Packet.h"

using namespace glasshart;
using namespace glasshart::gdb;

namespace {

// Waits at most this long for a socket to become ready: only a broken
// server takes that long.
constexpr int kPatienceMilliseconds = 10'000;

std::unique_ptr<Machine> machine() {
    const ElfImage program = ElfImage::load(std::string(GLASSHART_GUEST_DIR) + "/gdb-target-rv64.elf");
    MachineConfig config;
    config.engine = Engine::Interpreter;
    config.ramSize = 16ull << 20;
    auto result = std::make_unique<Machine>(config, [](std::uint8_t) {});
    result->load(program);
    return result;
}

// One poll() over the server's descriptors, then service().
bool pump(GdbServer& server) {
    std::vector<pollfd> descriptors;
    server.addPollDescriptors(descriptors);
    if (::poll(descriptors.data(), descriptors.size(), kPatienceMilliseconds) <= 0) return false;
    server.service(descriptors);
    return true;
}

// A blocking client socket, as gdb's would be.
class LoopbackClient {
public:
    explicit LoopbackClient(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    }

    [[nodiscard]] bool connected() const { return connected_; }
    void send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t count = ::send(fd_.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (count <= 0) return;
            bytes.remove_prefix(static_cast<std::size_t>(count));
        }
    }
    // What arrives next ("" once the server has closed the connection).
    std::string receive() {
        pollfd descriptor{fd_.get(), POLLIN, 0};
        if (::poll(&descriptor, 1, kPatienceMilliseconds) <= 0) return "<nothing came>";
        char buffer[4096];
        const ssize_t count = ::recv(fd_.get(), buffer, sizeof buffer, 0);
        return count <= 0 ? std::string() : std::string(buffer, static_cast<std::size_t>(count));
    }
    // Everything up to the server's close.
    std::string receiveUntilClosed() {
        std::string all;
        for (std::string part; !(part = receive()).empty() && part != "<nothing came>";) all += part;
        return all;
    }
    void close() { fd_.reset(); }

private:
    FileDescriptor fd_;
    bool connected_ = false;
};

struct Logged {
    std::vector<std::string> lines;
    GdbServer::Log sink() {
        return [this](const std::string& line) { lines.push_back(line); };
    }
    [[nodiscard]] bool contains(std::string_view text) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& line) { return line.find(text) != std::string::npos; });
    }
};

// Pumps until the server has a client (or has given up on it).
bool pumpUntilConnected(GdbServer& server) {
    for (int round = 0; round < 10 && server.session() == nullptr; ++round) {
        if (!pump(server)) return false;
    }
    return server.session() != nullptr;
}

}  // namespace

class GdbServerTest : public QObject {
    Q_OBJECT

private slots:
    void listensOnLoopbackByDefault();
    void aPortInUseIsOneClearLine();
    void anAddressNotOfThisMachine();
    void answersAClient();
    void turnsAwayASecondClient();
    void clientVanishingMidPacket();
    void clientSendingTooMuch();
    void interruptWhileRunning();
    void detachAndKillCloseTheConnection();
};

void GdbServerTest::listensOnLoopbackByDefault() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.address(), "127.0.0.1:" + std::to_string(server.port()));
}

void GdbServerTest::aPortInUseIsOneClearLine() {
    auto target = machine();
    Logged log;
    GdbServer first(*target, Endpoint{}, log.sink());
    try {
        GdbServer second(*target, Endpoint{"127.0.0.1", first.port()}, log.sink());
        QFAIL("a second server listened on the same port");
    } catch (const SocketError& error) {
        const std::string message = error.what();
        QCOMPARE(message, "port " + std::to_string(first.port()) +
                              " on 127.0.0.1 is already in use (choose another port, or 0 for any free one)");
    }
}

void GdbServerTest::anAddressNotOfThisMachine() {
    auto target = machine();
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a local address.
    QVERIFY_THROWS_EXCEPTION(SocketError, GdbServer(*target, Endpoint{"192.0.2.1", 0}, {}));
    try {
        GdbServer server(*target, Endpoint{"192.0.2.1", 0}, {});
    } catch (const SocketError& error) {
        QCOMPARE(std::string(error.what()), std::string("192.0.2.1 is not an address of this machine"));
    }
}

void GdbServerTest::answersAClient() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    LoopbackClient client(server.port());
    QVERIFY(client.connected());
    QVERIFY(pumpUntilConnected(server));
    QVERIFY(log.contains("gdb connected from 127.0.0.1:"));
    client.send("+" + framePacket("qC"));
    QVERIFY(pump(server));
    std::string reply = client.receive();
    while (reply.size() < 1 + framePacket("QC1").size() && reply != "<nothing came>") reply += client.receive();
    QCOMPARE(reply, "+" + framePacket("QC1"));
}

void GdbServerTest::turnsAwayASecondClient() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    LoopbackClient first(server.port());
    QVERIFY(pumpUntilConnected(server));
    LoopbackClient second(server.port());
    QVERIFY(second.connected());  // the kernel completes the handshake; the server then closes it
    QVERIFY(pump(server));
    QCOMPARE(second.receive(), std::string());
    QVERIFY(log.contains("turned away a second gdb connection"));
    first.send(framePacket("qC"));
    QVERIFY(pump(server));
    QCOMPARE(first.receive().substr(0, 2), std::string("+$"));
}

void GdbServerTest::clientVanishingMidPacket() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    {
        LoopbackClient client(server.port());
        QVERIFY(pumpUntilConnected(server));
        client.send(framePacket("Z0,80000000,2") + "$m8000");
        QVERIFY(pump(server));
        QVERIFY(target->breakpoints().contains(0x80000000));
        client.close();
        QVERIFY(pump(server));
    }
    QVERIFY(server.session() == nullptr);
    QVERIFY(log.contains("gdb disconnected in the middle of a packet"));
    QVERIFY(target->breakpoints().empty());  // gdb's went with it
    // The next gdb is welcome.
    LoopbackClient next(server.port());
    QVERIFY(pumpUntilConnected(server));
    next.send(framePacket("?"));
    QVERIFY(pump(server));
    QCOMPARE(next.receive().substr(0, 5), std::string("+$T05"));
}

void GdbServerTest::clientSendingTooMuch() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    LoopbackClient client(server.port());
    QVERIFY(pumpUntilConnected(server));
    client.send("$" + std::string(kMaxPayload + 100, 'a'));
    for (int round = 0; round < 10 && server.session() != nullptr; ++round) QVERIFY(pump(server));
    QVERIFY(server.session() == nullptr);
    QCOMPARE(client.receiveUntilClosed(), std::string());
    QVERIFY(log.contains("dropped gdb: the client sent a packet longer than 16384 bytes"));
}

void GdbServerTest::interruptWhileRunning() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    LoopbackClient client(server.port());
    QVERIFY(pumpUntilConnected(server));
    client.send(framePacket("c"));
    QVERIFY(pump(server));
    QCOMPARE(client.receive(), std::string("+"));
    QVERIFY(server.session()->running());
    // The owner's loop: a slice, then a look at the socket without waiting.
    client.send("\x03");
    std::string stop;
    for (int slice = 0; slice < 1000 && server.session()->running(); ++slice) {
        server.machineStopped(target->run(1000));
        std::vector<pollfd> descriptors;
        server.addPollDescriptors(descriptors);
        if (::poll(descriptors.data(), descriptors.size(), 0) > 0) server.service(descriptors);
    }
    QVERIFY(!server.session()->running());
    while (stop.find('#') == std::string::npos || stop.size() < stop.find('#') + 3) stop += client.receive();
    QVERIFY2(stop.starts_with("$T02"), stop.c_str());
}

void GdbServerTest::detachAndKillCloseTheConnection() {
    auto target = machine();
    Logged log;
    GdbServer server(*target, Endpoint{}, log.sink());
    {
        LoopbackClient client(server.port());
        QVERIFY(pumpUntilConnected(server));
        client.send(framePacket("D"));
        QVERIFY(pump(server));
        QCOMPARE(client.receiveUntilClosed(), "+" + framePacket("OK"));
        QVERIFY(server.session() == nullptr);
        QVERIFY(!server.takeKilled());
        QVERIFY(log.contains("gdb detached"));
    }
    LoopbackClient client(server.port());
    QVERIFY(pumpUntilConnected(server));
    client.send(framePacket("k"));
    QVERIFY(pump(server));
    QCOMPARE(client.receiveUntilClosed(), std::string("+"));
    QVERIFY(server.takeKilled());
    QVERIFY(!server.takeKilled());  // told once
    QVERIFY(log.contains("gdb killed the program"));
}

QTEST_APPLESS_MAIN(GdbServerTest)
#include "GdbServerTest.moc"
