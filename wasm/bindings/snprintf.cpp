// The module's snprintf, in place of libc's printf core (with its floating-point formatting, 4 KB
// of the module's gzip size). The engine writes its numbers itself (number.cpp, json.cpp); what is
// left is nlohmann's lexer, which names a control character in an error as "<U+%.4X>". Flags 0 - +
// and space, a width and a precision (digits or *), the lengths hh h l ll z j t, and the
// conversions d i u x X c s %; a conversion outside these ends the output there (none is used).
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

std::string digits_of(std::uintmax_t v, unsigned base, bool upper) {
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), set[v % base]);
    v /= base;
  } while (v != 0);
  return out;
}

std::string format(const char* fmt, va_list ap) {
  std::string out;
  for (const char* p = fmt; *p != 0; ++p) {
    if (*p != '%') {
      out += *p;
      continue;
    }
    bool left = false, zero = false, plus = false, space = false;
    for (++p;; ++p) {
      if (*p == '-') left = true;
      else if (*p == '0') zero = true;
      else if (*p == '+') plus = true;
      else if (*p == ' ') space = true;
      else break;
    }
    int width = 0;
    if (*p == '*') {
      width = va_arg(ap, int);
      if (width < 0) left = true, width = -width;
      ++p;
    }
    for (; *p >= '0' && *p <= '9'; ++p) width = width * 10 + (*p - '0');
    int precision = -1;
    if (*p == '.') {
      precision = 0;
      if (*++p == '*') {
        precision = va_arg(ap, int);
        ++p;
      }
      for (; *p >= '0' && *p <= '9'; ++p) precision = precision * 10 + (*p - '0');
    }
    char length = 0;  // the argument's type: 0 int (and hh, h), 'l' long, 'L' long long, z j t
    for (; *p == 'h' || *p == 'l' || *p == 'z' || *p == 'j' || *p == 't'; ++p) {
      if (*p == 'l') {
        length = length == 'l' ? 'L' : 'l';
      } else if (*p != 'h') {
        length = *p;
      }
    }
    std::string text, sign;
    bool number = true;
    switch (*p) {
      case 'd':
      case 'i': {
        std::intmax_t v = 0;
        switch (length) {
          case 'l': v = va_arg(ap, long); break;
          case 'L': v = va_arg(ap, long long); break;
          case 'z':
          case 't': v = va_arg(ap, std::ptrdiff_t); break;
          case 'j': v = va_arg(ap, std::intmax_t); break;
          default: v = va_arg(ap, int);
        }
        sign = v < 0 ? "-" : plus ? "+" : space ? " " : "";
        text = digits_of(v < 0 ? 0 - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v),
                         10, false);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        std::uintmax_t v = 0;
        switch (length) {
          case 'l': v = va_arg(ap, unsigned long); break;
          case 'L': v = va_arg(ap, unsigned long long); break;
          case 'z':
          case 't': v = va_arg(ap, std::size_t); break;
          case 'j': v = va_arg(ap, std::uintmax_t); break;
          default: v = va_arg(ap, unsigned);
        }
        text = digits_of(v, *p == 'u' ? 10 : 16, *p == 'X');
        break;
      }
      case 'c':
        text = static_cast<char>(va_arg(ap, int));
        number = false;
        break;
      case 's': {
        const char* s = va_arg(ap, const char*);
        text = s != nullptr ? s : "(null)";
        if (precision >= 0 && text.size() > static_cast<std::size_t>(precision)) text.resize(precision);
        number = false;
        precision = -1;
        break;
      }
      case '%':
        out += '%';
        continue;
      default:
        return out;
    }
    if (number && precision >= 0 && text.size() < static_cast<std::size_t>(precision))
      text.insert(0, static_cast<std::size_t>(precision) - text.size(), '0');
    const std::size_t used = sign.size() + text.size();
    const std::size_t pad = static_cast<std::size_t>(width) > used ? width - used : 0;
    if (left) {
      out += sign + text + std::string(pad, ' ');
    } else if (zero && number && precision < 0) {
      out += sign + std::string(pad, '0') + text;
    } else {
      out += std::string(pad, ' ') + sign + text;
    }
  }
  return out;
}

}  // namespace

extern "C" int vsnprintf(char* __restrict out, std::size_t size, const char* __restrict fmt,
                         va_list ap) {
  const std::string text = format(fmt, ap);
  if (size > 0) {
    const std::size_t n = text.size() < size ? text.size() : size - 1;
    text.copy(out, n);
    out[n] = 0;
  }
  return static_cast<int>(text.size());
}

extern "C" int snprintf(char* __restrict out, std::size_t size, const char* __restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = vsnprintf(out, size, fmt, ap);
  va_end(ap);
  return n;
}
