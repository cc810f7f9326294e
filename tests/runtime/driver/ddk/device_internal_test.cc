// ddktl/device-internal.h: the signature check banjo mixins static_assert with, base_protocol and
// is_base_proto, and a mixin written the way the generated ones are, end to end.
#include <ddktl/device-internal.h>
#include <gtest/gtest.h>
#include <lib/ddk/protodefs.h>
#include <zircon/types.h>

namespace {

struct Exact {
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};
struct Base {
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};
struct Inherits : Base {};
struct WrongParameter {
  zx_status_t GpioImplRead(uint32_t index, uint16_t* out_value) { return ZX_OK; }
};
struct WrongReturn {
  int64_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};
struct ExtraParameter {
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value, uint32_t flags) { return ZX_OK; }
};
struct ConstMember {
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) const { return ZX_OK; }
};
struct Static {
  static zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};
struct NotAFunction {
  int GpioImplRead = 0;
};
struct Missing {
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
};
struct Overloaded {
  zx_status_t GpioImplRead(uint32_t index, uint16_t* out_value) { return ZX_OK; }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};
struct OverloadedWithoutMatch {
  zx_status_t GpioImplRead(uint32_t index, uint16_t* out_value) { return ZX_OK; }
  zx_status_t GpioImplRead(uint64_t index, uint8_t* out_value) { return ZX_OK; }
};
class Private {
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_OK; }
};

}  // namespace

// Used as generated code uses it: inside ddk::internal.
namespace ddk {
namespace internal {
DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(has_gpio_impl_protocol_read, GpioImplRead,
                                          zx_status_t (C::*)(uint32_t index, uint8_t* out_value));
}  // namespace internal
}  // namespace ddk

namespace {

using ddk::internal::has_gpio_impl_protocol_read;

static_assert(has_gpio_impl_protocol_read<Exact>::value);
static_assert(has_gpio_impl_protocol_read<Inherits>::value);
static_assert(has_gpio_impl_protocol_read<Overloaded>::value);

TEST(DdkSignatureCheckTest, AcceptsTheExactSignatureAndAnInheritedOne) {
  EXPECT_TRUE(has_gpio_impl_protocol_read<Exact>::value);
  EXPECT_TRUE(has_gpio_impl_protocol_read<Inherits>::value);
  EXPECT_TRUE(has_gpio_impl_protocol_read<Overloaded>::value);
}

TEST(DdkSignatureCheckTest, RejectsAnyOtherSignatureAndAMissingMember) {
  EXPECT_FALSE(has_gpio_impl_protocol_read<WrongParameter>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<WrongReturn>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<ExtraParameter>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<ConstMember>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<Static>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<NotAFunction>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<Missing>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<OverloadedWithoutMatch>::value);
  EXPECT_FALSE(has_gpio_impl_protocol_read<Private>::value);
}

// A protocol with the shape fidlgen_banjo gives gpio-impl, cut down to one method.
typedef struct test_gpio_impl_protocol_ops {
  zx_status_t (*read)(void* ctx, uint32_t index, uint8_t* out_value);
} test_gpio_impl_protocol_ops_t;

template <typename D, typename Base = ddk::internal::base_mixin>
class TestGpioImplProtocol : public Base {
 public:
  TestGpioImplProtocol() {
    static_assert(ddk::internal::has_gpio_impl_protocol_read<D>::value,
                  "TestGpioImplProtocol subclasses must implement "
                  "zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value);");
    ops_.read = Read;
    if constexpr (ddk::internal::is_base_proto<Base>::value) {
      this->ddk_proto_id_ = ZX_PROTOCOL_GPIO_IMPL;
      this->ddk_proto_ops_ = &ops_;
    }
  }

 protected:
  test_gpio_impl_protocol_ops_t ops_;

 private:
  static zx_status_t Read(void* ctx, uint32_t index, uint8_t* out_value) {
    return static_cast<D*>(ctx)->GpioImplRead(index, out_value);
  }
};

class ServingDriver : public TestGpioImplProtocol<ServingDriver, ddk::base_protocol> {
 public:
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    *out_value = static_cast<uint8_t>(index + 1);
    return ZX_OK;
  }
  const test_gpio_impl_protocol_ops_t* ops() const { return &ops_; }
};

class PlainDriver : public TestGpioImplProtocol<PlainDriver> {
 public:
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { return ZX_ERR_NOT_SUPPORTED; }
};

struct DerivedProtocol : ddk::base_protocol {};

TEST(DdkBaseProtocolTest, IsBaseProtoTellsBaseProtocolFromTheRest) {
  static_assert(ddk::internal::is_base_proto<ddk::base_protocol>::value);
  static_assert(ddk::internal::is_base_proto<DerivedProtocol>::value);
  static_assert(ddk::internal::is_base_proto<ServingDriver>::value);
  static_assert(!ddk::internal::is_base_proto<ddk::internal::base_mixin>::value);
  static_assert(!ddk::internal::is_base_proto<PlainDriver>::value);
  static_assert(!ddk::internal::is_base_proto<int>::value);
  static_assert(!std::is_default_constructible_v<ddk::base_protocol>);  // only as a base
  SUCCEED();
}

TEST(DdkBaseProtocolTest, AMixinOverBaseProtocolRecordsItsIdAndOpsTable) {
  ServingDriver driver;
  EXPECT_EQ(driver.ddk_proto_id_, static_cast<uint32_t>(ZX_PROTOCOL_GPIO_IMPL));
  ASSERT_EQ(driver.ddk_proto_ops_, static_cast<const void*>(driver.ops()));
  uint8_t value = 0;
  EXPECT_EQ(driver.ops()->read(&driver, 4, &value), ZX_OK);
  EXPECT_EQ(value, 5);
  DerivedProtocol unset;
  EXPECT_EQ(unset.ddk_proto_id_, 0u);
  EXPECT_EQ(unset.ddk_proto_ops_, nullptr);
}

}  // namespace
