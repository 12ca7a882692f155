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

}  // namespace hipcheck
