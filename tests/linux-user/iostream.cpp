// C++ iostreams both ways: reads whitespace-separated numbers and words
// from standard input, prints a summary with manipulators.
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

int main() {
    std::vector<long> numbers;
    std::map<std::string, int> words;
    std::string token;
    while (std::cin >> token) {
        std::istringstream parse(token);
        long value = 0;
        if (parse >> value && parse.eof()) {
            numbers.push_back(value);
        } else {
            ++words[token];
        }
    }
    long sum = 0;
    for (long value : numbers) sum += value;
    std::cout << "numbers: " << numbers.size() << ", sum " << sum << '\n';
    std::cout << "mean: " << std::fixed << std::setprecision(3)
              << (numbers.empty() ? 0.0 : double(sum) / double(numbers.size())) << '\n';
    for (const auto& [word, count] : words) std::cout << std::setw(12) << std::left << word << count << '\n';
    std::cerr << "done\n";
    return numbers.size() == 0 ? 1 : 0;
}
