#pragma once
// Register offsets of the A311D pin controller.
namespace gpio {
constexpr unsigned kPreg = 0x3c;
}  // namespace gpio
