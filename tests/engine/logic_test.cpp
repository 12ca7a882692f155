#include "hipcheck/logic.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "hipcheck/json.hpp"

namespace {

using hipcheck::Error;
using hipcheck::json;
using hipcheck::kMaxDepth;
namespace logic = hipcheck::logic;

// Moves the value out: copying a deeply nested json recurses, and would overflow the stack.
json parse(const std::string& text) {
  hipcheck::ParseResult parsed = hipcheck::parse_json(text);
  INFO("test JSON: " << text.substr(0, 200));
  REQUIRE(parsed.ok);
  return std::move(parsed.value);
}

// The result of a rule that must evaluate, as compact JSON text.
std::string eval(const std::string& rule, const std::string& data = "null") {
  const logic::Outcome outcome = logic::apply(parse(rule), parse(data));
  INFO("rule " << rule << " with data " << data << ": " << hipcheck::describe(outcome.error));
  REQUIRE(outcome.ok);
  return outcome.value.dump();
}

// The error of a rule that must not evaluate.
Error failure(const std::string& rule, const std::string& data = "null") {
  const logic::Outcome outcome = logic::apply(parse(rule), parse(data));
  INFO("rule " << rule << " gave " << outcome.value.dump());
  REQUIRE_FALSE(outcome.ok);
  CHECK(outcome.value.is_null());
  return outcome.error;
}

std::string nested(const std::string& open, const std::string& inner, const std::string& close,
                   std::size_t levels) {
  std::string text;
  text.reserve(levels * (open.size() + close.size()) + inner.size());
  for (std::size_t i = 0; i < levels; ++i) text += open;
  text += inner;
  for (std::size_t i = 0; i < levels; ++i) text += close;
  return text;
}

}  // namespace

TEST_CASE("values that are not operations evaluate to themselves", "[logic]") {
  CHECK(eval("17") == "17");
  CHECK(eval("3.5") == "3.5");
  CHECK(eval("\"apple\"") == "\"apple\"");
  CHECK(eval("null") == "null");
  CHECK(eval("{}") == "{}");
  CHECK(eval(R"({"a":{"var":"x"},"b":2})") == R"({"a":{"var":"x"},"b":2})");
  CHECK(eval(R"([1,{"var":"x"},[{"var":"y"}]])", R"({"x":2,"y":3})") == "[1,2,[3]]");
}

TEST_CASE("truthiness is JsonLogic's: false, null, 0, NaN, empty string and empty array are false",
          "[logic]") {
  for (const char* falsy : {"false", "null", "0", "0.0", "-0.0", "\"\"", "[]"}) {
    INFO(falsy);
    CHECK_FALSE(logic::truthy(parse(falsy)));
    CHECK(eval(std::string(R"({"!!":[)") + falsy + "]}") == "false");
  }
  for (const char* truthy :
       {"true", "1", "-1", "0.5", "\"0\"", "\"false\"", "\" \"", "[0]", "{}", "[[]]"}) {
    INFO(truthy);
    CHECK(logic::truthy(parse(truthy)));
    CHECK(eval(std::string(R"({"!!":[)") + truthy + "]}") == "true");
  }
  CHECK_FALSE(logic::truthy(json(std::nan(""))));
  CHECK(eval(R"({"!":{"/":[0,0]}})") == "true");
}

TEST_CASE("loose equality follows JavaScript's abstract equality", "[logic]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {R"([1,"1"])", true},     {R"([0,""])", true},        {R"([0,"0"])", true},
      {R"(["","0"])", false},   {R"([" 12\n",12])", true},  {R"(["abc",0])", false},
      {R"(["0x10",16])", true}, {R"(["1e3",1000])", true},  {R"([null,null])", true},
      {R"([null,0])", false},   {R"([null,false])", false}, {R"([null,""])", false},
      {R"([false,"0"])", true}, {R"([true,"1"])", true},    {R"([true,"true"])", false},
      {R"([false,[]])", true},  {R"([[1,2],"1,2"])", true}, {R"([[5],5])", true},
      {R"([[null],""])", true}, {R"([[],[]])", false},      {R"([{},"[object Object]"])", true},
      {R"([1.0,1])", true},
  };
  for (const auto& [operands, equal] : cases) {
    INFO(operands);
    CHECK(eval(R"({"==":)" + operands + "}") == (equal ? "true" : "false"));
    CHECK(eval(R"({"!=":)" + operands + "}") == (equal ? "false" : "true"));
  }
  CHECK(eval(R"({"==":[null]})") == "true");  // a missing operand is undefined: null == undefined
  CHECK(eval(R"({"==":[0]})") == "false");
}

TEST_CASE("strict equality needs the same type and value", "[logic]") {
  CHECK(eval(R"({"===":[1,1.0]})") == "true");
  CHECK(eval(R"({"===":[1,"1"]})") == "false");
  CHECK(eval(R"({"===":[null,null]})") == "true");
  CHECK(eval(R"({"===":["a","a"]})") == "true");
  CHECK(eval(R"({"===":[[1],[1]]})") == "false");
  CHECK(eval(R"({"!==":[0,false]})") == "true");
}

TEST_CASE("comparisons follow JavaScript: strings by character, anything else as numbers",
          "[logic]") {
  CHECK(eval(R"({"<":["10","9"]})") == "true");
  CHECK(eval(R"({"<":["10",9]})") == "false");
  CHECK(eval(R"({"<":[null,1]})") == "true");
  CHECK(eval(R"({"<":["",1]})") == "true");
  CHECK(eval(R"({">":[[2],1]})") == "true");
  CHECK(eval(R"({"<":["abc",1]})") == "false");
  CHECK(eval(R"({">=":["abc",1]})") == "false");
  CHECK(eval(R"({"<=":["b","b"]})") == "true");
  CHECK(eval(R"({">":["b","a"]})") == "true");
  CHECK(eval(R"({"<":[1,5,10]})") == "true");
  CHECK(eval(R"({"<":[1,10,10]})") == "false");
  CHECK(eval(R"({"<=":[1,10,10]})") == "true");
  CHECK(eval(R"({">":[{"/":[1,0]},1e300]})") == "true");
}

TEST_CASE("and and or short-circuit and return the operand that decided", "[logic]") {
  CHECK(eval(R"({"or":[0,"",{"var":"x"}]})", R"({"x":"yes"})") == "\"yes\"");
  CHECK(eval(R"({"or":[1,{"nope":1}]})") == "1");
  CHECK(eval(R"({"and":[0,{"nope":1}]})") == "0");
  CHECK(eval(R"({"and":[1,"a",[1]]})") == "[1]");
  CHECK(eval(R"({"and":[]})") == "null");
  CHECK(eval(R"({"or":[]})") == "null");
}

TEST_CASE("if chains take the first true condition and evaluate only that branch", "[logic]") {
  const std::string rule =
      R"({"if":[{"<":[{"var":"t"},0]},"ice",{"<":[{"var":"t"},100]},"water",{"nope":1}]})";
  CHECK(eval(rule, R"({"t":-5})") == "\"ice\"");
  CHECK(eval(rule, R"({"t":20})") == "\"water\"");
  CHECK(failure(rule, R"({"t":200})").path == "/if/4");
  CHECK(eval(R"({"?:":[false,{"nope":1},"b"]})") == "\"b\"");
  CHECK(eval(R"({"if":true})") == "true");
}

TEST_CASE("var reads dotted paths, array indexes and defaults", "[logic]") {
  const std::string data = R"({"a":{"b":[10,{"c":"deep"}]},"n":null,"list":["x","y"],"":"empty"})";
  CHECK(eval(R"({"var":"a.b.1.c"})", data) == "\"deep\"");
  CHECK(eval(R"({"var":"a.b.0"})", data) == "10");
  CHECK(eval(R"({"var":"a.b.2"})", data) == "null");
  CHECK(eval(R"({"var":"a.b.01"})", data) == "null");
  CHECK(eval(R"({"var":"list.-1"})", data) == "null");
  CHECK(eval(R"({"var":["a.x","fallback"]})", data) == "\"fallback\"");
  CHECK(eval(R"({"var":["n","fallback"]})", data) == "null");
  CHECK(eval(R"({"var":["n.x","fallback"]})", data) == "\"fallback\"");
  CHECK(eval(R"({"var":["zz",{"cat":["a","b"]}]})", data) == "\"ab\"");
  CHECK(eval(R"({"var":{"cat":["li","st"]}})", data) == R"(["x","y"])");
  CHECK(eval(R"({"var":1})", R"(["x","y"])") == "\"y\"");
  CHECK(eval(R"({"var":""})", "[1,2]") == "[1,2]");
  CHECK(eval(R"({"var":[]})", "7") == "7");
  CHECK(eval(R"({"var":"a"})", "\"text\"") == "null");
  CHECK(eval(R"({"var":"a.b"})", "5") == "null");
}

TEST_CASE("missing and missing_some list the names that are absent, null or empty", "[logic]") {
  const std::string data = R"({"a":1,"b":"","c":null,"d":{"e":0}})";
  CHECK(eval(R"({"missing":["a","b","c","d.e","d.f","z"]})", data) == R"(["b","c","d.f","z"])");
  CHECK(eval(R"({"missing":[["a","z"]]})", data) == R"(["z"])");
  CHECK(eval(R"({"missing":[[["z","default"]]]})", data) == "[]");  // read as {"var":["z",…]}
  CHECK(eval(R"({"missing_some":[1,["a","z"]]})", data) == "[]");
  CHECK(eval(R"({"missing_some":[2,["a","z","y"]]})", data) == R"(["z","y"])");
}

TEST_CASE("map, filter, reduce, all, none and some apply their inner rule to each item",
          "[logic]") {
  const std::string data = R"({"xs":[1,2,3,4],"people":[{"age":30},{"age":12}]})";
  CHECK(eval(R"({"map":[{"var":"xs"},{"*":[{"var":""},10]}]})", data) == "[10,20,30,40]");
  CHECK(eval(R"({"filter":[{"var":"people"},{">=":[{"var":"age"},18]}]})", data) ==
        R"([{"age":30}])");
  CHECK(eval(R"({"reduce":[{"var":"xs"},{"+":[{"var":"current"},{"var":"accumulator"}]},100]})",
             data) == "110");
  CHECK(eval(R"({"reduce":[{"var":"xs"},{"var":"current"}]})", data) == "4");
  CHECK(eval(R"({"all":[{"var":"xs"},{">":[{"var":""},0]}]})", data) == "true");
  CHECK(eval(R"({"all":[[],true]})") == "false");
  CHECK(eval(R"({"none":[{"var":"people"},{">":[{"var":"age"},60]}]})", data) == "true");
  CHECK(eval(R"({"some":[{"var":"people"},{"<":[{"var":"age"},18]}]})", data) == "true");
  CHECK(eval(R"({"map":[{"var":"nothing"},1]})", data) == "[]");
  CHECK(eval(R"({"map":["abc",1]})") == "[]");
  CHECK(eval(R"({"filter":[5,true]})") == "[]");
  CHECK(eval(R"({"reduce":[5,1,"init"]})") == "\"init\"");
  CHECK(eval(R"({"all":[null,true]})") == "false");
}

TEST_CASE("arithmetic converts like JavaScript and gives integers for whole results", "[logic]") {
  CHECK(eval(R"({"+":[1,2]})") == "3");
  CHECK(eval(R"({"+":[0.5,0.5]})") == "1");
  CHECK(eval(R"({"*":[1.5,2]})") == "3");
  CHECK(eval(R"({"/":[1,4]})") == "0.25");
  CHECK(eval(R"({"+":"3.5"})") == "3.5");
  CHECK(eval(R"({"+":["12px"," 3"]})") == "15");  // + reads with parseFloat
  CHECK(eval(R"({"-":["12px",1]})") == "null");   // - with ToNumber: NaN
  CHECK(eval(R"({"-":[" 0x10 ",1]})") == "15");
  CHECK(eval(R"({"-":[true]})") == "-1");
  CHECK(eval(R"({"-":[[],1]})") == "-1");
  CHECK(eval(R"({"%":[-7,2]})") == "-1");
  CHECK(eval(R"({"%":[7.5,2]})") == "1.5");
  CHECK(eval(R"({"*":["2","3"]})") == "6");
  CHECK(eval(R"({"*":["2"]})") == R"("2")");  // json-logic-js returns a single factor as it is
  CHECK(eval(R"({"max":[1,"7",3]})") == "7");
  CHECK(eval(R"({"min":[1,"x"]})") == "null");
  CHECK(eval(R"({"max":[]})") == "null");
  CHECK(eval(R"({"+":[1e300,1e300]})") == "2e+300");
  CHECK(eval(R"({"+":[9007199254740992,1]})") == "9007199254740992");
}

TEST_CASE("division by zero and other non-finite results are null", "[logic]") {
  CHECK(eval(R"({"/":[1,0]})") == "null");
  CHECK(eval(R"({"%":[1,0]})") == "null");
  CHECK(eval(R"({"+":["abc"]})") == "null");
  CHECK(eval(R"({"map":[[1,0],{"/":[1,{"var":""}]}]})") == "[1,null]");
}

TEST_CASE("cat writes values as JavaScript's String does", "[logic]") {
  CHECK(eval(R"({"cat":["a",1,1.5,null,true,[1,[2,null]]]})") == R"("a11.5true1,2,")");
  CHECK(eval(R"({"cat":[{"+":[0.1,0.2]}]})") == R"("0.30000000000000004")");
  CHECK(eval(R"({"cat":[1e21,"|",1e20,"|",1e-7,"|",0.000001,"|",-2.5e-10]})") ==
        R"("1e+21|100000000000000000000|1e-7|0.000001|-2.5e-10")");
  CHECK(eval(R"({"cat":[{"/":[1,0]},{"/":[0,0]},{}]})") == R"("InfinityNaN[object Object]")");
}

TEST_CASE("in finds substrings and array members by strict equality", "[logic]") {
  CHECK(eval(R"({"in":["ring","Springfield"]})") == "true");
  CHECK(eval(R"({"in":[1,"a1"]})") == "true");
  CHECK(eval(R"({"in":["","abc"]})") == "true");
  CHECK(eval(R"({"in":["",""]})") == "false");
  CHECK(eval(R"({"in":[1,[0,1]]})") == "true");
  CHECK(eval(R"({"in":["1",[0,1]]})") == "false");
  CHECK(eval(R"({"in":[1,5]})") == "false");
  CHECK(eval(R"({"in":[1,null]})") == "false");
}

TEST_CASE("merge flattens one level and wraps what is not an array", "[logic]") {
  CHECK(eval(R"({"merge":[[1,[2]],3,null,[]]})") == "[1,[2],3,null]");
}

TEST_CASE("substr counts characters and takes negative start and length like JavaScript",
          "[logic]") {
  CHECK(eval(R"({"substr":["jsonlogic",-5,-2]})") == R"("log")");
  CHECK(eval(R"({"substr":["jsonlogic",20]})") == R"("")");
  CHECK(eval(R"({"substr":["jsonlogic",-20,2]})") == R"("js")");
  CHECK(eval(R"({"substr":["jsonlogic",2,-20]})") == R"("")");
  CHECK(eval(R"({"substr":["jsonlogic","2","3"]})") == R"("onl")");
  CHECK(eval(R"({"substr":["jsonlogic",1,null]})") == R"("")");
  CHECK(eval(R"({"substr":["héllo wörld",1,4]})") == R"("éllo")");
  CHECK(eval(R"({"substr":["héllo wörld",-4]})") == R"("örld")");
  CHECK(eval(R"({"substr":[12345,1,2]})") == R"("23")");
}

TEST_CASE("log returns its argument", "[logic]") {
  CHECK(eval(R"({"log":[{"var":"a"}]})", R"({"a":[1]})") == "[1]");
  CHECK(eval(R"({"log":"x"})") == R"("x")");
}

TEST_CASE("an unknown operator is an error that names it and its path", "[logic]") {
  const Error nested_error = failure(R"({"and":[true,{"frobnicate":[1]}]})");
  CHECK(nested_error.id == "logic.op.unknown");
  CHECK(nested_error.path == "/and/1");
  CHECK_THAT(nested_error.message, Catch::Contains("frobnicate") && Catch::Contains("/and/1"));

  const Error top = failure(R"({"nope":1})");
  CHECK(top.id == "logic.op.unknown");
  CHECK(top.path == "");
  CHECK_THAT(top.message, Catch::Contains("nope"));

  CHECK(failure(R"({"map":[[1],{"a/b~":1}]})").path == "/map/1");
  CHECK(failure(R"({"!":{"x":1}})").path == "/!");
  CHECK(failure(R"([0,{"var":{"x":1}}])").path == "/1/var");
}

TEST_CASE("a rule nested deeper than the limit is too deep, even 100000 levels", "[logic]") {
  const json deep = parse(nested(R"({"!":)", "true", "}", 100000));
  const logic::Outcome outcome = logic::apply(deep, json());
  REQUIRE_FALSE(outcome.ok);
  CHECK(outcome.error.id == "logic.too-deep");
  CHECK(outcome.error.path == "");

  const std::vector<Error> problems = logic::check(deep);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].id == "logic.too-deep");
  CHECK(logic::variables(deep).empty());

  CHECK(eval(nested(R"({"!":)", "true", "}", kMaxDepth)) == "true");
  CHECK(failure(nested(R"({"!":)", "true", "}", kMaxDepth + 1)).id == "logic.too-deep");
}

TEST_CASE("data nested deeper than the limit is too deep", "[logic]") {
  const logic::Outcome outcome =
      logic::apply(parse(R"({"var":"0"})"), parse(nested("[", "1", "]", 100000)));
  REQUIRE_FALSE(outcome.ok);
  CHECK(outcome.error.id == "logic.too-deep");
  CHECK_THAT(outcome.error.message, Catch::Contains("data"));
  CHECK(eval(R"({"var":"0.0"})", nested("[", "1", "]", kMaxDepth)) ==
        nested("[", "1", "]", kMaxDepth - 2));
}

TEST_CASE("reduce cannot build an accumulator deeper than the limit", "[logic]") {
  std::string data = R"({"xs":[0)";
  for (int i = 1; i < 200; ++i) data += ",0";
  data += "]}";
  const std::string rule = R"({"and":[true,{"reduce":[{"var":"xs"},[{"var":"accumulator"}],0]}]})";
  const Error error = failure(rule, data);
  CHECK(error.id == "logic.too-deep");
  CHECK(error.path == "/and/1/reduce/1");  // the array that would be one level too deep
}

TEST_CASE("an operation that cannot be evaluated is a malformed rule", "[logic]") {
  const Error product = failure(R"({"if":[true,{"*":[]}]})");
  CHECK(product.id == "logic.rule.malformed");
  CHECK(product.path == "/if/1");
  CHECK(failure(R"({"missing_some":[1]})").id == "logic.rule.malformed");
  CHECK(failure(R"({"missing_some":[1,{"var":"x"}]})", R"({"x":null})").id ==
        "logic.rule.malformed");
  CHECK(eval(R"({"missing_some":[1,{"var":"x"}]})", R"({"x":["x"]})") == "[]");
  // As in json-logic-js, a single name is one name, but counted by its length.
  CHECK(eval(R"({"missing_some":[1,"a"]})") == R"(["a"])");
  CHECK(eval(R"({"missing_some":[1,"abc"]})") == "[]");
}

TEST_CASE("check reports unknown operators and malformed operands with their paths", "[logic]") {
  CHECK(logic::check(parse(R"({"and":[{"var":"a"},{"in":["x",["x"]]}]})")).empty());
  CHECK(logic::check(parse(R"({"==":[{"a":1,"zap":2},{}]})")).empty());  // data, not operations

  const std::vector<Error> problems = logic::check(
      parse(R"({"or":[{"zap":[{"zop":1}]},{"if":[true,{"*":[]}]},{"missing_some":[1]}]})"));
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].id == "logic.op.unknown");
  CHECK(problems[0].path == "/or/0");
  CHECK_THAT(problems[0].message, Catch::Contains("zap"));
  CHECK(problems[1].id == "logic.op.unknown");
  CHECK(problems[1].path == "/or/0/zap/0");
  CHECK(problems[2].id == "logic.rule.malformed");
  CHECK(problems[2].path == "/or/1/if/1");
  CHECK(problems[3].id == "logic.rule.malformed");
  CHECK(problems[3].path == "/or/2");
}

TEST_CASE("variables lists literal var names by first segment in order of appearance", "[logic]") {
  const json rule = parse(R"({"and":[
      {"var":"b.c"},
      {"missing":["a","b"]},
      {"var":["d",{"var":"e"}]},
      {"var":{"cat":["x",{"var":"f"}]}},
      {"var":""},
      {"missing_some":[1,["g.h","a"]]},
      {"map":[{"var":"items"},{"var":"qty"}]},
      {"reduce":[{"var":"xs"},{"var":"accumulator"},{"var":"start"}]},
      {"var":1},
      {"b":{"var":"not-a-rule"},"c":2}
  ]})");
  CHECK(logic::variables(rule) ==
        std::vector<std::string>{"b", "a", "d", "e", "f", "g", "items", "xs", "start", "1"});
  CHECK(logic::variables(parse(R"({"missing":"solo"})")) == std::vector<std::string>{"solo"});
  CHECK(logic::variables(parse("42")).empty());
}

// ---- The work budget: no rule runs for long or builds a huge value, whatever the data ----

namespace {

// {"xs": [0, 1, …, count - 1]}
std::string numbers(std::size_t count) {
  std::string data = R"({"xs":[)";
  for (std::size_t i = 0; i < count; ++i) data += (i ? "," : "") + std::to_string(i);
  return data + "]}";
}

// A literal list of count numbers.
std::string list(std::size_t count) {
  std::string text = "[";
  for (std::size_t i = 0; i < count; ++i) text += (i ? "," : "") + std::to_string(i % 10);
  return text + "]";
}

// A rule whose error must be the budget's, at path.
void over_budget(const std::string& rule, const std::string& data, const std::string& path) {
  INFO("rule " << rule.substr(0, 300));
  const logic::Outcome outcome = logic::apply(parse(rule), parse(data));
  REQUIRE_FALSE(outcome.ok);
  CHECK(outcome.value.is_null());
  CHECK(outcome.error.id == "logic.budget");
  CHECK(outcome.error.path == path);
  CHECK_THAT(outcome.error.message, Catch::Contains(path.empty() ? "top of the rule" : path));
  CHECK(outcome.work <= logic::kMaxWork);
}

// The outcome of compiled (rule, compiled) over data (through index, when given), as it must be:
// what apply() gives evaluating step by step, with the same work drawn from the same budget.
void same_as_step_by_step(const logic::Rule& compiled, const json& rule, const json& data,
                          std::size_t work, const logic::Index* index = nullptr) {
  logic::Budget a{work}, b{work};
  const logic::Outcome expected = logic::apply(rule, data, a);
  const logic::Outcome got = compiled.apply(data, b, index);
  INFO("rule " << rule.dump().substr(0, 200) << " over " << data.dump().substr(0, 200)
               << " with a budget of " << work);
  CHECK(got.ok == expected.ok);
  CHECK(got.value.dump() == expected.value.dump());
  CHECK(got.error.id == expected.error.id);
  CHECK(got.error.path == expected.error.path);
  CHECK(got.error.message == expected.error.message);
  CHECK(got.work == expected.work);
  CHECK(b.work == a.work);
}

}  // namespace

TEST_CASE("a reduce that doubles its accumulator runs out of budget", "[logic][budget]") {
  const std::string data = numbers(30);
  // The issue's rule: each step merges the accumulator with itself (2^30 items at the end).
  over_budget(
      R"({"reduce":[{"var":"xs"},{"merge":[{"var":"accumulator"},{"var":"accumulator"}]},[1]]})",
      data, "/reduce/1");
  // The same with strings, and with a tree of arrays (depth 30, 2^30 leaves).
  over_budget(
      R"({"reduce":[{"var":"xs"},{"cat":[{"var":"accumulator"},{"var":"accumulator"}]},"ab"]})",
      data, "/reduce/1");
  over_budget(R"({"reduce":[{"var":"xs"},[{"var":"accumulator"},{"var":"accumulator"}],1]})", data,
              "/reduce/1");
  // Inside a calculation's usual wrapping, the path still points at the operation.
  over_budget(
      R"({"if":[true,{"+":[1,{"reduce":[{"var":"xs"},{"merge":[{"var":"accumulator"},{"var":"accumulator"}]},[1]]}]}]})",
      data, "/if/1/+/1/reduce/1");
}

TEST_CASE("nested maps over long lists run out of budget", "[logic][budget]") {
  // 40^5 evaluations of the innermost rule, with nothing large built: the work runs out.
  std::string rule = "0";
  for (int level = 0; level < 5; ++level) rule = R"({"some":[)" + list(40) + "," + rule + "]}";
  const logic::Outcome outcome = logic::apply(parse(rule), json());
  REQUIRE_FALSE(outcome.ok);
  CHECK(outcome.error.id == "logic.budget");
  CHECK_THAT(outcome.error.path, Catch::StartsWith("/some/1/some/1/some/1"));
  CHECK(outcome.work == logic::kMaxWork);

  // A 4 KB rule of nested maps: each level makes a list of lists.
  std::string maps = R"({"var":""})";
  for (int level = 0; level < 5; ++level) maps = R"({"map":[)" + list(150) + "," + maps + "]}";
  INFO("rule of " << maps.size() << " bytes");
  const logic::Outcome built = logic::apply(parse(maps), json());
  REQUIRE_FALSE(built.ok);
  CHECK(built.error.id == "logic.budget");
  CHECK_THAT(built.error.path, Catch::StartsWith("/map/1"));
}

TEST_CASE("a value larger than the limit is refused, whether read, copied or built",
          "[logic][budget]") {
  const std::size_t over = logic::kMaxValueSize + 1;
  // Read from the data.
  over_budget(R"({"and":[true,{"var":"xs"}]})", numbers(over), "/and/1");
  CHECK(eval(R"({"var":"xs.3"})", numbers(over)) == "3");  // a small part of it is fine
  // A string built by cat or by a list of lists.
  over_budget(R"({"cat":[{"var":"s"},{"var":"s"}]})",
              R"({"s":")" + std::string(logic::kMaxValueSize / 2 + 1, 'a') + R"("})", "");
  over_budget(R"({"map":[{"var":"xs"},[1,2]]})", numbers(logic::kMaxValueSize / 3 + 1), "");
}

TEST_CASE("the work a rule used is reported, and a shared budget is drawn down",
          "[logic][budget]") {
  const json rule =
      parse(R"({"reduce":[{"var":"xs"},{"+":[{"var":"current"},{"var":"accumulator"}]},0]})");
  const json data = parse(numbers(1000));
  const logic::Outcome outcome = logic::apply(rule, data);
  REQUIRE(outcome.ok);
  CHECK(outcome.value == 499500);
  // Linear in the items: the accumulator is never measured again.
  const logic::Outcome twice = logic::apply(rule, parse(numbers(2000)));
  REQUIRE(twice.ok);
  CHECK(outcome.work > 1000);
  CHECK(twice.work <= 2 * outcome.work);

  logic::Budget budget;
  const logic::Outcome first = logic::apply(rule, data, budget);
  REQUIRE(first.ok);
  CHECK(budget.work == logic::kMaxWork - first.work);
  CHECK(first.work == outcome.work);

  logic::Budget small{first.work - 1};
  const logic::Outcome short_of_one = logic::apply(rule, data, small);
  REQUIRE_FALSE(short_of_one.ok);
  CHECK(short_of_one.error.id == "logic.budget");
  CHECK(small.work == 0);
  logic::Budget exact{first.work};
  CHECK(logic::apply(rule, data, exact).ok);
  CHECK(exact.work == 0);
}

TEST_CASE("ordinary rules are far within the budget", "[logic][budget]") {
  const std::string data = R"({"xs":[1,2,3,4],"people":[{"age":30},{"age":12}],"s":"jsonlogic"})";
  for (
      const char* rule : {
          R"({"map":[{"var":"xs"},{"*":[{"var":""},10]}]})",
          R"({"filter":[{"var":"people"},{">=":[{"var":"age"},18]}]})",
          R"({"reduce":[{"var":"xs"},{"merge":[{"var":"accumulator"},[{"var":"current"}]]},[]]})",
          R"({"if":[{"in":["logic",{"var":"s"}]},{"cat":["yes ",{"substr":[{"var":"s"},4]}]},"no"]})",
      }) {
    INFO(rule);
    const logic::Outcome outcome = logic::apply(parse(rule), parse(data));
    REQUIRE(outcome.ok);
    CHECK(outcome.work < 200);
  }
}

TEST_CASE("in finds long substrings too", "[logic]") {
  const std::string needle = "abababababababababababac";  // longer than the quick search takes
  CHECK(eval(R"({"in":[")" + needle + R"(","xx)" + "abababababababababababab" + needle +
             R"("]})") == "true");
  CHECK(eval(R"({"in":[")" + needle + R"(","ababababababababababababababababababab"]})") ==
        "false");
}

TEST_CASE("a compiled rule reads the names it names, or everything when a name is computed",
          "[logic][compiled]") {
  const logic::Rule rule(
      parse(R"({"and":[{"var":"a.b"},{"missing":["c",["d",1]]},{"missing_some":[1,["e"]]},)"
            R"({"map":[{"var":"list"},{"var":"x"}]},{"var":["a",2]},{"var":7}]})"));
  CHECK(rule.reads() == std::vector<std::string>{"a", "c", "d", "e", "list", "7"});
  CHECK_FALSE(rule.reads_everything());
  CHECK_FALSE(rule.is_null());
  CHECK(logic::Rule(parse(R"({"var":{"cat":["a","b"]}})")).reads_everything());
  CHECK(logic::Rule(parse(R"({"var":""})")).reads_everything());
  CHECK(logic::Rule(parse(R"({"var":[]})")).reads_everything());
  CHECK(logic::Rule(parse(R"({"missing":{"var":"names"}})")).reads_everything());
  CHECK(logic::Rule(parse(R"({"missing_some":[1,{"var":"names"}]})")).reads_everything());
  CHECK_FALSE(logic::Rule(parse(R"({"filter":[[1,2],{"var":""}]})")).reads_everything());
  CHECK(logic::Rule().is_null());
  CHECK(logic::Rule(json()).is_null());
  CHECK(logic::Rule(parse(nested("[", "1", "]", kMaxDepth + 1))).reads_everything());
}

TEST_CASE("a compiled rule reused over other data and budgets gives what compiling afresh gives",
          "[logic][compiled]") {
  const std::vector<std::string> rules = {
      R"({"if":[{"var":"a"},{"cat":["x",{"var":"b"},["y",1]]},{"+":[{"var":"n"},"2.5"]}]})",
      R"({"in":[{"var":"b"},["p","q",{"var":"b"}]]})",
      R"({"reduce":[{"var":"list"},{"+":[{"var":"current"},{"var":"accumulator"}]},0]})",
      R"({"map":[{"var":"list"},{"var":""}]})",
      R"({"merge":[{"var":"list"},[{"var":"a"}],"z"]})",
      R"({"filter":[{"var":"list"},{">":[{"var":""},1]}]})",
      R"({"and":[{"var":"a"},{"nope":[1]}]})",
      R"({"*":[]})",
      R"({"substr":[{"var":"b"},1]})"};
  const std::vector<std::string> data = {R"({"a":true,"b":"hello","n":1,"list":[1,2,3]})",
                                         R"({"a":false,"b":"q","n":"3"})", R"({"list":"abc"})",
                                         "null"};
  for (const auto& r : rules) {
    const logic::Rule compiled(parse(r));
    for (const auto& d : data) {
      const json values = parse(d);
      for (const std::size_t work : {std::size_t{5}, std::size_t{12}, logic::kMaxWork}) {
        same_as_step_by_step(compiled, parse(r), values, work);
      }
    }
  }
}

TEST_CASE("a compiled rule is too deep exactly when its JSON is deeper than the limit", "[logic]") {
  // Each way a rule nests: an operation's single operand and its list of operands, a list, an
  // object that is a value, an unknown operator's operand, a list inside an operation.
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {R"({"!":)", "}"},           {R"({"!":[)", "]}"}, {"[", "]"}, {R"({"a":1,"b":)", "}"},
      {R"({"nope":)", "}"},        {R"({"in":["x",)", "]}"}};
  for (const auto& [open, close] : shapes) {
    for (std::size_t levels = 28; levels <= 70; ++levels) {
      const json rule = parse(nested(open, "true", close, levels));
      logic::Budget budget;
      const logic::Outcome outcome = logic::Rule(rule).apply(json::object(), budget);
      INFO(open << " x " << levels);
      CHECK((!outcome.ok && outcome.error.id == "logic.too-deep") ==
            (hipcheck::json_depth(rule) > kMaxDepth));
    }
  }
}

TEST_CASE("a compiled rule's direct shapes give what evaluating step by step gives, at any budget",
          "[logic][compiled]") {
  const std::vector<std::string> rules = {
      R"({"var":"a"})", R"({"var":["a"]})", R"({"var":"p.q"})", R"({"var":"p.q.0"})",
      R"({"var":"list.1"})", R"({"var":7})", R"({"var":"nope"})", R"({"var":"long"})",
      R"({"var":"big"})", R"({"and":[true,{"var":"big"}]})",
      R"({"==":[{"var":"a"},true]})", R"({"==":[{"var":"n"},"3"]})", R"({"!=":[{"var":"s"},"x"]})",
      R"({"===":[{"var":"n"},3]})", R"({"!==":[{"var":"s"},"hello"]})",
      R"({"==":[{"var":"list"},"1,2,3"]})", R"({"==":[{"var":"nope"},null]})",
      R"({"!":{"var":"a"}})", R"({"!":[{"var":"list"}]})", R"({"!!":[{"var":"s"}]})",
      R"({"and":[{"var":"a"},{"var":"s"},{"var":"n"}]})", R"({"or":[{"var":"nope"},{"var":"z"},0]})",
      R"({"and":[]})", R"({"or":[]})",
      R"({"if":[{"var":"a"},"yes","no"]})", R"({"if":[{"var":"z"},"yes"]})",
      R"({"if":[{"var":"z"},1,{"var":"a"},{"var":"s"},{"var":"list"}]})", R"({"if":[]})",
      R"({"?:":[{"var":"a"},[1,[2]],{"var":"p"}]})",
      R"({"in":[{"var":"s"},["hello","x"]]})", R"({"in":["ell",{"var":"s"}]})",
      R"({"in":[{"var":"n"},{"var":"list"}]})",
      R"({">":[{"var":"n"},2]})", R"({">=":[{"var":"s"},"hello"]})", R"({"<":[{"var":"n"},"10"]})",
      R"({"<=":[{"var":"list"},"1,2"]})", R"({"<":[1,{"var":"n"},5]})",
      R"({"and":[{"==":[{"var":"a"},true]},{"!":{"var":"z"}},{"in":[{"var":"n"},[1,2,3]]}]})",
      R"({"or":[{"and":[{">":[{"var":"n"},5]},{"var":"a"}]},{"!=":[{"var":"p.q.1"},"b"]}]})",
      R"({"==":[{"var":"a"},{"var":"a","extra":1}]})",
      R"({"==":[{"var":["a",false]},true]})", R"({"and":[{"var":"a"},{"+":[{"var":"n"},1]}]})",
      R"({"!":{"nope":1}})", R"({"and":[{"var":"a"},{"nope":1}]})",
      R"({"and":[{"var":"a"},)" + std::string(R"({"var":"s"})") + "]}"};
  const std::vector<std::string> data = {
      R"({"a":true,"s":"hello","n":3,"z":0,"list":[1,2,3],"p":{"q":["a","b"]},"7":"seven",)"
      R"("long":")" + std::string(200, 'x') + R"(","big":")" + std::string(logic::kMaxValueSize, 'b') +
          R"("})",
      R"({"a":false,"s":"","n":"3","list":[],"p":{"q":"ab"},"7":7})", R"([1,2,3])", "null",
      R"("a string")"};
  for (const auto& r : rules) {
    const json rule = parse(r);
    const logic::Rule compiled(rule);
    for (const auto& d : data) {
      const json values = parse(d);
      logic::Budget full;
      const std::size_t need = logic::apply(rule, values, full).work;
      logic::Index index;
      index.build(values);
      // Every budget up to what the rule needs, and more.
      for (std::size_t work = 0; work <= need + 1; ++work) {
        same_as_step_by_step(compiled, rule, values, work);
        same_as_step_by_step(compiled, rule, values, work, &index);
      }
      same_as_step_by_step(compiled, rule, values, logic::kMaxWork, &index);
    }
  }
}

TEST_CASE("an index finds the data's names, and serves only the data it was built over",
          "[logic][compiled]") {
  // Many names, so that some share a slot of the table.
  json data = json::object();
  for (int i = 0; i < 300; ++i) data["name" + std::to_string(i)] = i;
  data[""] = "empty";
  data["a.b"] = "dotted";
  logic::Index index;
  index.build(data);
  CHECK(index.covers(data));
  for (int i = 0; i < 300; ++i) {
    const std::string name = "name" + std::to_string(i);
    REQUIRE(index.find(name, logic::Index::hash(name)) != nullptr);
    CHECK(*index.find(name, logic::Index::hash(name)) == i);
  }
  CHECK(index.find("name300", logic::Index::hash("name300")) == nullptr);
  CHECK(*index.find("", logic::Index::hash("")) == "empty");
  CHECK(index.find("nam", logic::Index::hash("nam")) == nullptr);

  const logic::Rule rule(parse(R"({"+":[{"var":"name7"},{"var":"name299"}]})"));
  logic::Budget budget;
  CHECK(rule.apply(data, budget, &index).value == 306);

  // Other data, even with the same names, is read as it is: the index is not used for it.
  json other = data;
  other["name7"] = 1000;
  CHECK_FALSE(index.covers(other));
  CHECK(rule.apply(other, budget, &index).value == 1299);

  // A copy is empty; cleared, the index serves nothing, and built again it serves the data as it
  // is now.
  const logic::Index copy = index;
  CHECK_FALSE(copy.covers(data));
  index.clear();
  CHECK_FALSE(index.covers(data));
  data["name7"] = 2;
  CHECK(rule.apply(data, budget, &index).value == 301);
  index.build(data);
  CHECK(rule.apply(data, budget, &index).value == 301);

  // Data that is not an object is never indexed.
  for (const char* text : {"[1,2]", "null", "3", "\"s\""}) {
    const json value = parse(text);
    index.build(value);
    CHECK_FALSE(index.covers(value));
  }
}
