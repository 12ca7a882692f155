// Decimal text to double without libc: correctly rounded (as glibc's strtod), in double arithmetic
// and small big integers only, so the wasm module needs neither libc's strtod nor long double.
#pragma once

namespace hipcheck {

// strtod for decimal text: optional leading whitespace and sign, digits with an optional point and
// exponent, or "inf", "infinity", "nan" (any case). Rounds to nearest, ties to even, exactly; *end
// (when end is not null) is set after the number, or to text when there is none. No hexadecimal.
double read_double(const char* text, char** end);

}  // namespace hipcheck
