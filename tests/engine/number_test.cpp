// hipcheck::read_double (the wasm module's strtod) against glibc's strtod: the same double and the
// same end for every text, so the CLI and the module read numbers alike.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "hipcheck/number.hpp"

namespace {

void same_as_libc(const std::string& text) {
  char* libc_end = nullptr;
  char* our_end = nullptr;
  const double expected = std::strtod(text.c_str(), &libc_end);
  const double got = hipcheck::read_double(text.c_str(), &our_end);
  INFO(text);
  CHECK(our_end - text.c_str() == libc_end - text.c_str());
  if (std::isnan(expected)) {
    CHECK(std::isnan(got));
  } else {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::memcpy(&a, &expected, sizeof a);
    std::memcpy(&b, &got, sizeof b);
    CHECK(a == b);
  }
}

}  // namespace

TEST_CASE("read_double reads what strtod reads", "[number]") {
  for (const char* text :
       {"0", "-0", "1", "3.9999999999", "72.3", "0.1", "1e-12", "12.5", "  42", "+7", "-1.5e3", ".5",
        "5.", "1e", "1e+", "1.e2", "Infinity", "-inf", "nan", "abc", "", "-", ".", "0.000",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
        "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "1e-400", "9007199254740993", "9007199254740992.5",
        "0.30000000000000004", "123456789012345678901234567890", "1e23", "8.5e-1", "12px"}) {
    same_as_libc(text);
  }
  // Halfway cases: exactly between two doubles, and just above it by a digit far away.
  same_as_libc("9007199254740993.0000000000000000000000000000000000000001");
  same_as_libc(std::string("1.") + std::string(900, '0') + "1");
  same_as_libc(std::string("0.") + std::string(900, '5') + "e-300");
}

TEST_CASE("read_double agrees with strtod on random texts", "[number]") {
  std::mt19937_64 random(11);
  char buf[64];
  for (int i = 0; i < 20000; ++i) {
    // The shortest text of a random double, the same with more digits, and near-halfway texts.
    std::uint64_t bits = random();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    for (int precision : {6, 15, 16, 17, 20, 25}) {
      std::snprintf(buf, sizeof buf, "%.*e", precision, d);
      same_as_libc(buf);
    }
    // The exact halfway point between d and its neighbour (long double holds it exactly), written
    // out in full, and cut short (just below it in magnitude).
    const double next = std::nextafter(d, 0.0);
    if (i % 8 == 0) {
      char exact[1200];
      std::snprintf(exact, sizeof exact, "%.1100Le",
                    static_cast<long double>(d) / 2 + static_cast<long double>(next) / 2);
      same_as_libc(exact);
      std::snprintf(exact, sizeof exact, "%.30Le",
                    static_cast<long double>(d) / 2 + static_cast<long double>(next) / 2);
      same_as_libc(exact);
    }
    std::snprintf(buf, sizeof buf, "%.*g", static_cast<int>(random() % 18) + 1,
                  static_cast<double>(random() % 100000) / std::pow(10.0, static_cast<double>(random() % 8)));
    same_as_libc(buf);
  }
}

namespace {

std::string libc_format(const char* format, int precision, double d) {
  char buf[400];
  std::snprintf(buf, sizeof buf, format, precision, d);
  return buf;
}

void writes_as_libc(double d) {
  INFO(libc_format("%.17g", 17, d));
  for (int p : {0, 1, 2, 5, 6, 14, 15, 16, 17, 20}) {
    CHECK(hipcheck::write_exponential(d, p) == libc_format("%.*e", p, d));
  }
  for (int p : {0, 1, 2, 3}) CHECK(hipcheck::write_fixed(d, p) == libc_format("%.*f", p, d));
}

}  // namespace

TEST_CASE("write_exponential and write_fixed write what printf writes", "[number]") {
  for (double d : {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 9.5, 99.5, 999.95,
                   0.1, 0.3, 1e21, 1e-7, 123456.789, 5e-324, 2.2250738585072014e-308,
                   1.7976931348623157e308, 9007199254740993.0, 4.35, 72.25, -0.04, -0.05,
                   0.0625, 1e100, 3.14159}) {
    writes_as_libc(d);
  }
  CHECK(hipcheck::write_exponential(std::numeric_limits<double>::infinity(), 3) == "inf");
  CHECK(hipcheck::write_fixed(-std::numeric_limits<double>::infinity(), 1) == "-inf");
  std::mt19937_64 random(7);
  for (int i = 0; i < 3000; ++i) {
    std::uint64_t bits = random();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) writes_as_libc(d);
    // Everyday values: tenths and halves near the points where rounding ties.
    writes_as_libc(static_cast<double>(random() % 200000) / 20.0 - 5000.0);
  }
}

TEST_CASE("shortest_digits gives the fewest digits glibc's printf needs to read back the same", "[number]") {
  const auto libc_shortest = [](double d) {
    std::string e;
    for (int p = 0; p < 17; ++p) {
      e = libc_format("%.*e", p, std::fabs(d));
      if (std::strtod(e.c_str(), nullptr) == std::fabs(d)) break;
    }
    hipcheck::Digits out;
    const std::size_t mark = e.find('e');
    for (std::size_t i = 0; i < mark; ++i) {
      if (e[i] != '.') out.digits += e[i];
    }
    out.exponent = std::atoi(e.c_str() + mark + 1);
    return out;
  };
  const auto check = [&](double d) {
    const hipcheck::Digits ours = hipcheck::shortest_digits(d);
    const hipcheck::Digits theirs = libc_shortest(d);
    INFO(libc_format("%.17g", 17, d));
    CHECK(ours.digits == theirs.digits);
    CHECK(ours.exponent == theirs.exponent);
  };
  for (double d : {1.0, -1.0, 1500.0, 0.25, 0.1, 0.1 + 0.2, 30.5, 1e21, 5e-324, 1.7976931348623157e308}) {
    check(d);
  }
  CHECK(hipcheck::shortest_digits(1500).digits == "15");
  CHECK(hipcheck::shortest_digits(1500).exponent == 3);
  CHECK(hipcheck::shortest_digits(-0.25).digits == "25");
  CHECK(hipcheck::shortest_digits(-0.25).exponent == -1);
  std::mt19937_64 random(11);
  for (int i = 0; i < 3000; ++i) {
    std::uint64_t bits = random();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d) && d != 0) check(d);
    check(static_cast<double>(random() % 200000 + 1) / 20.0);
  }
}
