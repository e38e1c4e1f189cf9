#include "gdb/Packet.h"

#include "gdb/Hex.h"

namespace glasshart::gdb {
namespace {

constexpr char kStart = '$';
constexpr char kEnd = '#';
constexpr char kEscape = '}';
constexpr char kRepeat = '*';
constexpr std::uint8_t kEscapeXor = 0x20;
// A repeat count is a printable character: n more copies for character
// 29 + n, so ' ' (32) means 3 (gdb manual E.1).
constexpr std::uint8_t kRepeatBias = 29;
constexpr std::uint8_t kFirstPrintable = ' ';
constexpr std::uint8_t kLastPrintable = '~';

bool needsEscape(char c) { return c == kStart || c == kEnd || c == kEscape || c == kRepeat; }

}  // namespace

std::string framePacket(std::string_view payload) {
    std::string packet;
    packet.reserve(payload.size() + 4);
    packet.push_back(kStart);
    std::uint8_t sum = 0;
    auto put = [&](char c) {
        packet.push_back(c);
        sum = static_cast<std::uint8_t>(sum + static_cast<std::uint8_t>(c));
    };
    for (const char c : payload) {
        if (needsEscape(c)) {
            put(kEscape);
            put(static_cast<char>(c ^ kEscapeXor));
        } else {
            put(c);
        }
    }
    packet.push_back(kEnd);
    packet += registerToHex(sum, 1);
    return packet;
}

std::vector<PacketEvent> PacketReader::feed(std::span<const std::uint8_t> bytes) {
    std::vector<PacketEvent> events;
    for (const std::uint8_t byte : bytes) take(byte, events);
    return events;
}

void PacketReader::begin() {
    state_ = State::Payload;
    payload_.clear();
    rawLength_ = 0;
    sum_ = 0;
    malformed_ = false;
    checksum_.clear();
}

void PacketReader::take(std::uint8_t byte, std::vector<PacketEvent>& events) {
    const char c = static_cast<char>(byte);
    switch (state_) {
    case State::Between:
        switch (c) {
        case kStart: begin(); break;
        case '+': events.push_back({PacketEvent::Kind::Ack, {}}); break;
        case '-': events.push_back({PacketEvent::Kind::Nak, {}}); break;
        case kInterrupt: events.push_back({PacketEvent::Kind::Interrupt, {}}); break;
        default: break;  // noise between packets means nothing
        }
        break;
    case State::Payload: case State::Escaped: case State::Repeat: takePayload(byte, events); break;
    case State::Checksum: takeChecksum(byte, events); break;
    case State::Skipping:
        // '$' can never be part of a packet: a new one starts there.
        if (c == kStart) begin();
        if (c == kEnd) {
            state_ = State::SkippingChecksum;
            checksum_.clear();
        }
        break;
    case State::SkippingChecksum:
        checksum_.push_back(c);
        if (checksum_.size() == 2) state_ = State::Between;
        break;
    }
}

void PacketReader::takePayload(std::uint8_t byte, std::vector<PacketEvent>& events) {
    const char c = static_cast<char>(byte);
    if (c == kStart) {
        // An unescaped '$' only ever starts a packet: the client gave up on
        // the one before (or the stream lost bytes); resynchronise here.
        begin();
        return;
    }
    if (c == kEnd) {
        // '}' or '*' with nothing after them is not a payload.
        if (state_ != State::Payload) malformed_ = true;
        state_ = State::Checksum;
        return;
    }
    if (++rawLength_ > maxPayload_) {
        events.push_back({PacketEvent::Kind::TooLong, {}});
        state_ = State::Skipping;
        return;
    }
    sum_ = static_cast<std::uint8_t>(sum_ + byte);
    switch (state_) {
    case State::Escaped:
        state_ = State::Payload;
        append(static_cast<char>(byte ^ kEscapeXor), 1, events);
        break;
    case State::Repeat:
        state_ = State::Payload;
        if (payload_.empty() || byte < kFirstPrintable || byte > kLastPrintable) {
            malformed_ = true;
        } else {
            append(payload_.back(), byte - kRepeatBias, events);
        }
        break;
    default:
        if (c == kEscape) {
            state_ = State::Escaped;
        } else if (c == kRepeat) {
            state_ = State::Repeat;
        } else {
            append(c, 1, events);
        }
        break;
    }
}

void PacketReader::append(char c, std::size_t count, std::vector<PacketEvent>& events) {
    if (payload_.size() + count > maxPayload_) {
        events.push_back({PacketEvent::Kind::TooLong, {}});
        state_ = State::Skipping;
        return;
    }
    payload_.append(count, c);
}

void PacketReader::takeChecksum(std::uint8_t byte, std::vector<PacketEvent>& events) {
    if (static_cast<char>(byte) == kStart) {
        begin();
        return;
    }
    checksum_.push_back(static_cast<char>(byte));
    if (checksum_.size() < 2) return;
    state_ = State::Between;
    const auto sent = registerFromHex(checksum_, 1);
    if (!sent || *sent != sum_) {
        events.push_back({PacketEvent::Kind::BadChecksum, {}});
    } else if (malformed_) {
        events.push_back({PacketEvent::Kind::Malformed, {}});
    } else {
        events.push_back({PacketEvent::Kind::Packet, std::move(payload_)});
    }
    payload_.clear();
}

}  // namespace glasshart::gdb
