#include "hipcheck/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace hipcheck {
namespace {

constexpr std::size_t kMaxDigits = 800;  // more significant digits only decide ties (sticky)

// A non-negative integer in base 2^32, least significant word first.
struct Big {
  std::vector<std::uint32_t> w;

  void mul(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (auto& x : w) {
      const std::uint64_t t = static_cast<std::uint64_t>(x) * m + carry;
      x = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) w.push_back(static_cast<std::uint32_t>(carry));
  }
  void add(std::uint32_t a) {
    std::uint64_t carry = a;
    for (auto& x : w) {
      if (carry == 0) return;
      const std::uint64_t t = static_cast<std::uint64_t>(x) + carry;
      x = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) w.push_back(static_cast<std::uint32_t>(carry));
  }
  void pow5(int n) {
    for (; n >= 13; n -= 13) mul(1220703125u);  // 5^13
    std::uint32_t p = 1;
    for (; n > 0; --n) p *= 5;
    mul(p);
  }
  // Divides by d in place; returns the remainder.
  std::uint32_t divide(std::uint32_t d) {
    std::uint64_t rest = 0;
    for (std::size_t i = w.size(); i-- > 0;) {
      const std::uint64_t cur = (rest << 32) | w[i];
      w[i] = static_cast<std::uint32_t>(cur / d);
      rest = cur % d;
    }
    while (!w.empty() && w.back() == 0) w.pop_back();
    return static_cast<std::uint32_t>(rest);
  }
  void shl(int n) {
    if (w.empty()) return;
    const int bits = n % 32;
    if (bits != 0) {
      std::uint32_t carry = 0;
      for (auto& x : w) {
        const std::uint32_t next = (x << bits) | carry;
        carry = x >> (32 - bits);
        x = next;
      }
      if (carry != 0) w.push_back(carry);
    }
    w.insert(w.begin(), static_cast<std::size_t>(n / 32), 0u);
  }
};

int compare(const Big& a, const Big& b) {
  std::size_t na = a.w.size();
  std::size_t nb = b.w.size();
  while (na > 0 && a.w[na - 1] == 0) --na;
  while (nb > 0 && b.w[nb - 1] == 0) --nb;
  if (na != nb) return na < nb ? -1 : 1;
  for (std::size_t i = na; i-- > 0;) {
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
  }
  return 0;
}

// The sign of digits × 10^e10 − m × 2^e2, exactly.
int compare(const Big& digits, int e10, std::uint64_t m, int e2) {
  Big left = digits;
  Big right;
  right.w = {static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(m >> 32)};
  if (e10 >= 0) {
    left.pow5(e10);
  } else {
    right.pow5(-e10);
  }
  const int twos = e10 - e2;
  if (twos >= 0) {
    left.shl(twos);
  } else {
    right.shl(-twos);
  }
  return compare(left, right);
}

std::uint64_t bits_of(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double from_bits(std::uint64_t b) {
  double d;
  std::memcpy(&d, &b, sizeof d);
  return d;
}

constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                              1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                              1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool starts(const char* p, const char* word) {
  for (; *word != 0; ++p, ++word) {
    if (lower(*p) != *word) return false;
  }
  return true;
}

// digits × 10^e10 (digits without leading or trailing zeros, not empty), correctly rounded.
double nearest(const std::string& digits, int e10, bool sticky) {
  const int n = static_cast<int>(digits.size());
  if (n + e10 > 310) return std::numeric_limits<double>::infinity();
  if (n + e10 < -324) return 0;
  std::uint64_t lead = 0;
  const int used = n < 19 ? n : 19;
  for (int i = 0; i < used; ++i) lead = lead * 10 + static_cast<std::uint64_t>(digits[i] - '0');
  if (!sticky && n <= 15 && e10 >= -22 && e10 <= 22) {  // exact operands, one rounding (Clinger)
    const double d = static_cast<double>(lead);
    return e10 < 0 ? d / kPowers[-e10] : d * kPowers[e10];
  }
  // A close guess, then exact comparisons with the halfway points around it.
  double z = static_cast<double>(lead);
  for (int e = e10 + (n - used); e != 0;) {
    const int step = e > 22 ? 22 : e < -22 ? -22 : e;
    z = step < 0 ? z / kPowers[-step] : z * kPowers[step];
    e -= step;
  }
  const double kMax = std::numeric_limits<double>::max();
  if (!(z <= kMax)) z = kMax;
  if (z == 0) z = std::numeric_limits<double>::denorm_min();
  Big big;
  for (int i = 0; i < n; i += 9) {
    std::uint32_t chunk = 0;
    std::uint32_t scale = 1;
    for (int j = i; j < n && j < i + 9; ++j) {
      chunk = chunk * 10 + static_cast<std::uint32_t>(digits[j] - '0');
      scale *= 10;
    }
    big.mul(scale);
    big.add(chunk);
  }
  for (int guard = 0; guard < 4096; ++guard) {
    const std::uint64_t b = bits_of(z);
    const int biased = static_cast<int>(b >> 52);
    const std::uint64_t frac = b & ((std::uint64_t{1} << 52) - 1);
    const std::uint64_t m = biased == 0 ? frac : frac | (std::uint64_t{1} << 52);
    const int e2 = (biased == 0 ? 1 : biased) - 1075;
    int up = compare(big, e10, 2 * m + 1, e2 - 1);
    if (up == 0 && sticky) up = 1;
    if (up > 0 || (up == 0 && (m & 1) != 0)) {
      if (z == kMax) return std::numeric_limits<double>::infinity();
      z = from_bits(b + 1);
      continue;
    }
    const bool edge = frac == 0 && biased > 1;  // the next one down is half as far
    int down = edge ? compare(big, e10, 4 * m - 1, e2 - 2) : compare(big, e10, 2 * m - 1, e2 - 1);
    if (down == 0 && sticky) down = 1;
    if (down < 0 || (down == 0 && (m & 1) != 0)) {
      if (b == 1) return 0;
      z = from_bits(b - 1);
      continue;
    }
    return z;
  }
  return z;
}

// The exact decimal value of |d| (finite): digits (no leading zeros; "0" for zero) × 10^-scale.
std::string exact_digits(double d, int& scale) {
  const std::uint64_t b = bits_of(d);
  const int biased = static_cast<int>((b >> 52) & 0x7ff);
  const std::uint64_t frac = b & ((std::uint64_t{1} << 52) - 1);
  const std::uint64_t m = biased == 0 ? frac : frac | (std::uint64_t{1} << 52);
  const int e2 = (biased == 0 ? 1 : biased) - 1075;  // |d| = m × 2^e2
  Big n;
  n.w = {static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(m >> 32)};
  scale = 0;
  if (e2 >= 0) {
    n.shl(e2);
  } else {  // m × 2^e2 = m × 5^-e2 × 10^e2
    n.pow5(-e2);
    scale = -e2;
  }
  while (!n.w.empty() && n.w.back() == 0) n.w.pop_back();
  std::string out;
  while (!n.w.empty()) {
    std::uint32_t chunk = n.divide(1000000000u);
    for (int i = 0; i < 9; ++i, chunk /= 10) out += static_cast<char>('0' + chunk % 10);
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  if (out.empty()) out = "0";
  return std::string(out.rbegin(), out.rend());
}

// Keeps the first `keep` digits (keep < digits.size()), rounded half to even on the exact value
// the rest stands for; true when rounding up carried out of the first digit ("99" to "100").
bool round_digits(std::string& digits, std::size_t keep) {
  const char first = digits[keep];
  const bool beyond = digits.find_first_not_of('0', keep + 1) != std::string::npos;
  const bool odd = keep > 0 && (digits[keep - 1] - '0') % 2 == 1;
  digits.resize(keep);
  if (first < '5' || (first == '5' && !beyond && !odd)) return false;
  for (std::size_t i = keep; i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return false;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
  return true;
}

}  // namespace

std::string write_exponential(double value, int precision) {
  if (precision < 0) precision = 6;
  std::string out = std::signbit(value) ? "-" : "";
  if (std::isnan(value)) return out + "nan";
  if (std::isinf(value)) return out + "inf";
  // JavaScript's number text asks for one value at several precisions in a row (logic.cpp): its
  // exact digits are worked out once.
  thread_local double last = 0;
  thread_local std::string last_digits = "0";
  thread_local int last_scale = 0;
  if (bits_of(value) != bits_of(last)) {
    last = value;
    last_digits = exact_digits(value, last_scale);
  }
  std::string digits = last_digits;
  int exponent = digits == "0" ? 0 : static_cast<int>(digits.size()) - 1 - last_scale;
  const std::size_t keep = static_cast<std::size_t>(precision) + 1;
  if (digits.size() > keep) {
    if (round_digits(digits, keep)) {
      digits.pop_back();
      ++exponent;
    }
  }
  digits.resize(keep, '0');
  out += digits[0];
  if (precision > 0) out += "." + digits.substr(1);
  out += exponent < 0 ? "e-" : "e+";
  const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
  return out + (e.size() < 2 ? "0" : "") + e;
}

std::string write_fixed(double value, int decimals) {
  if (decimals < 0) decimals = 6;
  std::string out = std::signbit(value) ? "-" : "";
  if (std::isnan(value)) return out + "nan";
  if (std::isinf(value)) return out + "inf";
  int scale = 0;
  std::string digits = exact_digits(value, scale);  // |value| = digits × 10^-scale
  if (scale > decimals) {
    const std::size_t drop = static_cast<std::size_t>(scale - decimals);
    if (digits.size() < drop) digits.insert(0, drop - digits.size(), '0');
    digits.insert(digits.begin(), '0');  // room for a carry
    round_digits(digits, digits.size() - drop);
  } else {
    digits.append(static_cast<std::size_t>(decimals - scale), '0');
  }
  const std::size_t need = static_cast<std::size_t>(decimals) + 1;
  if (digits.size() < need) digits.insert(0, need - digits.size(), '0');
  const std::size_t lead = digits.find_first_not_of('0');
  const std::size_t point = digits.size() - static_cast<std::size_t>(decimals);
  digits.erase(0, std::min(lead == std::string::npos ? point - 1 : lead, point - 1));
  const std::size_t at = digits.size() - static_cast<std::size_t>(decimals);
  out += digits.substr(0, at);
  if (decimals > 0) out += "." + digits.substr(at);
  return out;
}

Digits shortest_digits(double value) {
  value = std::fabs(value);
  std::string e;  // "d.ddde+XX"
  for (int precision = 0; precision < 17; ++precision) {
    e = write_exponential(value, precision);
    if (read_double(e.c_str(), nullptr) == value) break;
  }
  Digits out;
  const std::size_t mark = e.find('e');
  for (std::size_t i = 0; i < mark; ++i) {
    if (e[i] != '.') out.digits += e[i];
  }
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  for (std::size_t i = mark + 2; i < e.size(); ++i) out.exponent = out.exponent * 10 + (e[i] - '0');
  if (e[mark + 1] == '-') out.exponent = -out.exponent;
  return out;
}

double read_double(const char* text, char** end) {
  const char* p = text;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  const auto done = [&](const char* at, double value) {
    if (end != nullptr) *end = const_cast<char*>(at);
    return negative ? -value : value;
  };
  if (starts(p, "inf")) {
    return done(p + (starts(p, "infinity") ? 8 : 3), std::numeric_limits<double>::infinity());
  }
  if (starts(p, "nan")) return done(p + 3, std::numeric_limits<double>::quiet_NaN());
  std::string digits;
  int e10 = 0;
  bool sticky = false;
  bool any = false;
  const auto take = [&](char c, bool fraction) {
    any = true;
    if (digits.empty() && c == '0') {
      if (fraction) --e10;
    } else if (digits.size() < kMaxDigits) {
      digits += c;
      if (fraction) --e10;
    } else {
      if (!fraction) ++e10;
      sticky = sticky || c != '0';
    }
  };
  for (; is_digit(*p); ++p) take(*p, false);
  if (*p == '.') {
    ++p;
    for (; is_digit(*p); ++p) take(*p, true);
  }
  if (!any) {
    if (end != nullptr) *end = const_cast<char*>(text);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* q = p + 1;
    const bool down = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    if (is_digit(*q)) {
      int exponent = 0;
      for (; is_digit(*q); ++q) exponent = exponent < 100000 ? exponent * 10 + (*q - '0') : exponent;
      e10 += down ? -exponent : exponent;
      p = q;
    }
  }
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++e10;
  }
  if (digits.empty()) return done(p, 0);
  return done(p, nearest(digits, e10, sticky));
}

}  // namespace hipcheck
