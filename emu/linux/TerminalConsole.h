#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <string>

#include "linux/Console.h"

namespace glasshart {

// A terminal in canonical mode between a program and a character display
// that does not echo (the window's terminal): what a Linux tty's line
// discipline does with termios(3)'s ICANON, ECHO, ECHOE and ICRNL set.
// Typed bytes are echoed and edited a line at a time (Backspace/DEL erases
// a character, Ctrl+U the line, Ctrl+C drops it); Enter or Ctrl+D hands the
// line to the program, and Ctrl+D on an empty line is the end of input:
// that read returns 0. There is no job control, so Ctrl+C sends no signal.
class TerminalConsole final : public Console {
public:
    using Display = std::function<void(std::span<const std::uint8_t>)>;

    explicit TerminalConsole(Display display) : display_(std::move(display)) {}

    // A key from the keyboard.
    void type(std::uint8_t byte);
    // Forgets what was typed and not yet read (a reset).
    void clear();

    void write(std::span<const std::uint8_t> bytes) override { display_(bytes); }
    std::optional<std::size_t> read(std::span<std::uint8_t> buffer) override;

private:
    void echo(std::string_view text);
    void eraseCharacter();
    void submit();

    Display display_;
    // A submitted byte, or kEndOfInput where Ctrl+D ended an empty line.
    static constexpr int kEndOfInput = -1;

    std::string line_;       // the line being edited
    std::deque<int> ready_;  // submitted, not yet read
};

}  // namespace glasshart
