// C++ exceptions through several frames, standard containers, virtual
// dispatch and static initialisation; the unwinder reads .eh_frame.
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string name() const = 0;
};

struct Square final : Shape {
    explicit Square(double side) : side_(side) {}
    double area() const override { return side_ * side_; }
    std::string name() const override { return "square"; }
    double side_;
};

struct Circle final : Shape {
    explicit Circle(double radius) : radius_(radius) {}
    double area() const override { return 3.14159265358979 * radius_ * radius_; }
    std::string name() const override { return "circle"; }
    double radius_;
};

int depth(int level) {
    if (level == 0) throw std::out_of_range("bottom reached");
    std::vector<std::string> keep(static_cast<std::size_t>(level), "frame");
    return depth(level - 1) + static_cast<int>(keep.size());
}

const std::string& greeting() {
    static const std::string text = "initialised once";
    return text;
}

}  // namespace

int main() {
    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.push_back(std::make_unique<Square>(3));
    shapes.push_back(std::make_unique<Circle>(2));
    for (const auto& shape : shapes) std::cout << shape->name() << ' ' << shape->area() << '\n';
    try {
        depth(20);
    } catch (const std::out_of_range& error) {
        std::cout << "caught out_of_range: " << error.what() << '\n';
    }
    try {
        throw 42;
    } catch (int value) {
        std::cout << "caught int " << value << '\n';
    }
    try {
        std::vector<int> small(3);
        std::cout << small.at(10) << '\n';
    } catch (const std::exception& error) {
        std::cout << "caught std::exception\n";
    }
    std::cout << greeting() << '\n';
    return 0;
}
