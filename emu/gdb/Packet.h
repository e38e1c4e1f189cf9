#pragma once
// Framing of the gdb remote serial protocol ("Overview" and "Packets" in
// gdb's manual, appendix E): a packet is $payload#cc, cc the payload's byte
// sum modulo 256 in two hex digits. '}' escapes the next byte (XOR 0x20) and
// '*' repeats the previous byte (run-length encoding). Outside packets the
// client sends '+' (received), '-' (resend) and 0x03 (interrupt).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glasshart::gdb {

// The longest payload either side sends or accepts; advertised to the
// client as PacketSize, which bounds its X, M and G packets.
inline constexpr std::size_t kMaxPayload = 0x4000;

inline constexpr char kInterrupt = '\x03';

// $payload#cc, with '$', '#', '}' and '*' escaped so that any bytes
// (binary memory, XML) arrive unchanged.
[[nodiscard]] std::string framePacket(std::string_view payload);

struct PacketEvent {
    enum class Kind : std::uint8_t {
        Packet,       // a complete, intact packet: `payload`
        Ack,          // '+'
        Nak,          // '-': the client wants the last packet again
        Interrupt,    // 0x03 outside a packet
        BadChecksum,  // a packet arrived damaged: ask for it again
        Malformed,    // intact, but its escapes or repeats make no sense
        TooLong,      // a packet longer than kMaxPayload (the rest of it is skipped)
    };
    Kind kind = Kind::Packet;
    std::string payload;

    friend bool operator==(const PacketEvent&, const PacketEvent&) = default;
};

// Turns the client's byte stream into packets, however the stream is cut
// into reads. It never holds more than one payload of kMaxPayload bytes.
class PacketReader {
public:
    explicit PacketReader(std::size_t maxPayload = kMaxPayload) : maxPayload_(maxPayload) {}

    [[nodiscard]] std::vector<PacketEvent> feed(std::span<const std::uint8_t> bytes);
    // Whether a packet has begun and not ended: the stream stopping now
    // would cut it off.
    [[nodiscard]] bool insidePacket() const { return state_ != State::Between; }

private:
    enum class State : std::uint8_t {
        Between,           // outside packets
        Payload,           // after '$'
        Escaped,           // after '}'
        Repeat,            // after '*': the repeat count comes next
        Checksum,          // after '#'
        Skipping,          // the rest of a packet that is too long, up to '#'
        SkippingChecksum,  // its checksum
    };

    void take(std::uint8_t byte, std::vector<PacketEvent>& events);
    void takePayload(std::uint8_t byte, std::vector<PacketEvent>& events);
    void takeChecksum(std::uint8_t byte, std::vector<PacketEvent>& events);
    void begin();
    void append(char c, std::size_t count, std::vector<PacketEvent>& events);

    std::size_t maxPayload_;
    State state_ = State::Between;
    std::string payload_;
    std::size_t rawLength_ = 0;
    std::uint8_t sum_ = 0;
    bool malformed_ = false;
    std::string checksum_;  // the digits after '#' so far (also while skipping)
};

}  // namespace glasshart::gdb
