#include "linux/TerminalConsole.h"


namespace glasshart {
namespace {

// The control characters of a tty's default settings (termios(3) c_cc).
constexpr std::uint8_t kInterrupt = 0x03;  // VINTR, Ctrl+C
constexpr std::uint8_t kEndOfFile = 0x04;  // VEOF, Ctrl+D
constexpr std::uint8_t kBackspace = 0x08;
constexpr std::uint8_t kKillLine = 0x15;   // VKILL, Ctrl+U
constexpr std::uint8_t kErase = 0x7f;      // VERASE, DEL

bool isContinuationByte(char byte) { return (static_cast<std::uint8_t>(byte) & 0xc0) == 0x80; }

}  // namespace

void TerminalConsole::echo(std::string_view text) {
    display_(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

void TerminalConsole::eraseCharacter() {
    if (line_.empty()) return;
    // One character is one UTF-8 sequence: its continuation bytes go too.
    while (!line_.empty() && isContinuationByte(line_.back())) line_.pop_back();
    if (!line_.empty()) line_.pop_back();
    echo("\b \b");
}

void TerminalConsole::submit() {
    for (const char byte : line_) ready_.push_back(static_cast<std::uint8_t>(byte));
    line_.clear();
}

void TerminalConsole::type(std::uint8_t byte) {
    switch (byte) {
    case '\r':  // ICRNL: Enter arrives as CR and is read as NL
    case '\n':
        line_.push_back('\n');
        echo("\n");
        submit();
        return;
    case kErase:
    case kBackspace: eraseCharacter(); return;
    case kKillLine:
        while (!line_.empty()) eraseCharacter();
        return;
    case kInterrupt:
        line_.clear();
        echo("^C\n");
        return;
    case kEndOfFile:
        // On an empty line it is the end of input; else it hands over the
        // line without a newline.
        if (line_.empty()) {
            ready_.push_back(kEndOfInput);
        } else {
            submit();
        }
        return;
    default:
        line_.push_back(static_cast<char>(byte));
        echo(std::string_view(reinterpret_cast<const char*>(&byte), 1));
        return;
    }
}

void TerminalConsole::clear() {
    line_.clear();
    ready_.clear();
}

std::optional<std::size_t> TerminalConsole::read(std::span<std::uint8_t> buffer) {
    if (ready_.empty()) return std::nullopt;
    if (ready_.front() == kEndOfInput) {
        ready_.pop_front();
        return 0;
    }
    // A canonical read returns at most one line, and stops before an end of input.
    std::size_t count = 0;
    while (count < buffer.size() && !ready_.empty() && ready_.front() != kEndOfInput) {
        buffer[count++] = static_cast<std::uint8_t>(ready_.front());
        ready_.pop_front();
        if (buffer[count - 1] == '\n') break;
    }
    return count;
}

}  // namespace glasshart
