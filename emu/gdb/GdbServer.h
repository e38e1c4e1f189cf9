#pragma once

#include <poll.h>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "gdb/Endpoint.h"
#include "gdb/GdbSession.h"
#include "gdb/TcpSocket.h"

namespace glasshart::gdb {

// A gdb remote stub on a TCP socket, for one client at a time: a second
// one is turned away while the first is connected. It never waits on the
// network itself: the owner of the machine puts pollDescriptors() into its
// own poll() with whatever else it waits for, then calls service().
class GdbServer {
public:
    // One line for the user: who connected, who left and why.
    using Log = std::function<void(const std::string& line)>;

    // Listens at once; throws SocketError if it cannot.
    GdbServer(Machine& machine, const Endpoint& endpoint, Log log);

    [[nodiscard]] const std::string& address() const { return listener_.address(); }
    [[nodiscard]] std::uint16_t port() const { return listener_.port(); }

    // The listener's and the client's descriptors, with the events wanted.
    void addPollDescriptors(std::vector<pollfd>& descriptors) const;
    // Accepts, reads, answers and writes what `polled` (the owner's whole
    // poll array) says is ready, then drops a client whose session ended.
    void service(std::span<const pollfd> polled);

    // The connected client's session; nullptr without one.
    [[nodiscard]] GdbSession* session() { return session_.get(); }
    // Whether a client has killed the program since the last call: the
    // owner then ends it (or starts it afresh).
    [[nodiscard]] bool takeKilled() { return std::exchange(killed_, false); }

    // Tells the session how a run() of the machine ended and sends what that
    // produced (a stop reply), then drops the client if the session ended.
    void machineStopped(const RunResult& result);
    // The window's Pause: a running client is told of a SIGINT stop.
    void interrupt();

private:
    void acceptClients();
    void readClient();
    void writeClient();
    void disconnect(const std::string& why);
    void closeEndedSession();

    Machine& machine_;
    Log log_;
    TcpListener listener_;
    std::optional<TcpStream> client_;
    std::unique_ptr<GdbSession> session_;
    bool broken_ = false;  // sending to the client failed
    bool killed_ = false;
};

}  // namespace glasshart::gdb
