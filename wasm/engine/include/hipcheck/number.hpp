// Decimal text to double and back without libc: correctly rounded (as glibc's strtod and printf),
// in double arithmetic and small big integers only, so the wasm module needs neither libc's strtod
// nor its printf (wasm/bindings).
#pragma once

#include <string>

namespace hipcheck {

// strtod for decimal text: optional leading whitespace and sign, digits with an optional point and
// exponent, or "inf", "infinity", "nan" (any case). Rounds to nearest, ties to even, exactly; *end
// (when end is not null) is set after the number, or to text when there is none. No hexadecimal.
double read_double(const char* text, char** end);

// What printf's "%.*e" writes for value with `precision` digits after the point ("-1.50e+03"):
// the exact value rounded half to even; "inf", "nan" with their sign. A negative precision is 6.
std::string write_exponential(double value, int precision);

// What printf's "%.*f" writes ("-0.5", "12", "1234.0"), rounded the same way.
std::string write_fixed(double value, int decimals);

// The fewest significant digits that read back as |value| (finite, not 0), without trailing zeros,
// and the decimal exponent of the first: 1500 is {"15", 3}, 0.25 is {"25", -1}. JavaScript's
// number text (logic.cpp) and the JSON writer (json.cpp) lay them out.
struct Digits {
  std::string digits;
  int exponent = 0;
};
Digits shortest_digits(double value);

}  // namespace hipcheck
