#include "gdb/GdbServer.h"

#include <algorithm>

namespace glasshart::gdb {
namespace {

short readyEvents(std::span<const pollfd> polled, int fd) {
    const auto found = std::find_if(polled.begin(), polled.end(), [fd](const pollfd& p) { return p.fd == fd; });
    return found == polled.end() ? 0 : found->revents;
}

constexpr short kTrouble = POLLERR | POLLHUP | POLLNVAL;

}  // namespace

GdbServer::GdbServer(Machine& machine, const Endpoint& endpoint, Log log)
    : machine_(machine), log_(std::move(log)), listener_(endpoint) {
    if (!log_) log_ = [](const std::string&) {};
}

void GdbServer::addPollDescriptors(std::vector<pollfd>& descriptors) const {
    descriptors.push_back(pollfd{listener_.fd(), POLLIN, 0});
    if (client_) {
        const short events = static_cast<short>(POLLIN | (client_->wantsToWrite() ? POLLOUT : 0));
        descriptors.push_back(pollfd{client_->fd(), events, 0});
    }
}

void GdbServer::service(std::span<const pollfd> polled) {
    if (client_) {
        const short events = readyEvents(polled, client_->fd());
        if ((events & POLLOUT) != 0) writeClient();
        if (client_ && (events & (POLLIN | kTrouble)) != 0) readClient();
    }
    closeEndedSession();
    if ((readyEvents(polled, listener_.fd()) & POLLIN) != 0) acceptClients();
}

void GdbServer::acceptClients() {
    while (auto stream = listener_.accept()) {
        if (client_) {
            log_("turned away a second gdb connection from " + stream->peer() + " (" + client_->peer() +
                 " is connected)");
            continue;  // closing it tells the newcomer
        }
        client_ = std::move(*stream);
        broken_ = false;
        log_("gdb connected from " + client_->peer());
        session_ = std::make_unique<GdbSession>(machine_, [this](std::string_view bytes) {
            if (client_ && !client_->send(bytes)) broken_ = true;
        });
    }
}

void GdbServer::readClient() {
    std::vector<std::uint8_t> bytes;
    const bool open = client_->receive(bytes);
    // What came before a close still counts: a last packet ("k", "D").
    if (!bytes.empty()) session_->receive(bytes);
    if (!open && !session_->ended()) {
        disconnect(session_->insidePacket() ? "gdb disconnected in the middle of a packet"
                                            : "gdb disconnected without detaching");
    }
}

void GdbServer::writeClient() {
    if (!client_->flush()) broken_ = true;
}

void GdbServer::machineStopped(const RunResult& result) {
    if (!session_) return;
    session_->machineStopped(result);
    closeEndedSession();
}

void GdbServer::interrupt() {
    if (!session_) return;
    session_->interrupt();
    closeEndedSession();
}

void GdbServer::closeEndedSession() {
    if (!session_) return;
    if (broken_) return disconnect("the connection to gdb failed");
    switch (session_->ending()) {
    case GdbSession::Ending::None: return;
    case GdbSession::Ending::Detached: return disconnect("gdb detached");
    case GdbSession::Ending::Killed:
        killed_ = true;
        return disconnect("gdb killed the program");
    case GdbSession::Ending::GuestExited: return disconnect("the guest exited; gdb was told");
    case GdbSession::Ending::ProtocolError: return disconnect("dropped gdb: " + session_->problem());
    }
}

void GdbServer::disconnect(const std::string& why) {
    // The last reply (OK to a detach, W for an exit) goes out if the socket
    // takes it now; nothing waits for a peer that is leaving anyway.
    if (client_) static_cast<void>(client_->flush());
    log_(why);
    session_.reset();  // first: it takes its breakpoints out of the machine
    client_.reset();
}

}  // namespace glasshart::gdb
