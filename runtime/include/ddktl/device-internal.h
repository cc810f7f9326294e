// What banjo's generated C++ mixins (ddk::FooProtocol<D, Base>) build on:
//
//   ddk::base_protocol     a base for a driver class that serves one banjo protocol: the mixin's
//                          constructor records the protocol's id and ops table in it.
//   ddk::internal::base_mixin       the empty default Base of a mixin.
//   ddk::internal::is_base_proto<T> true when T is (or derives from) ddk::base_protocol.
//   DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(trait, fn, signature)
//                          defines `template <typename C> struct trait` (in the namespace where
//                          it is used) whose `value` is true when `&C::fn` converts to
//                          `signature`, spelled with C as the class:
//
//     namespace ddk::internal {
//     DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(has_gpio_impl_protocol_read, GpioImplRead,
//                                               zx_status_t (C::*)(uint32_t, uint8_t*));
//     }
//     static_assert(ddk::internal::has_gpio_impl_protocol_read<D>::value, "...");
//
// The check takes a member function C inherits, and no other signature: a different parameter or
// return type, a const member, a static function or a missing one give false. Among overloads it
// finds the one with the signature. The member must be accessible where the trait is used.
//
// fdfkit: only what the generated headers use; DFv1's ddk::Device and its mixins do not exist.
#ifndef DDKTL_DEVICE_INTERNAL_H_
#define DDKTL_DEVICE_INTERNAL_H_

#include <stdint.h>

#include <type_traits>

namespace ddk {

struct base_protocol {
  uint32_t ddk_proto_id_ = 0;               // ZX_PROTOCOL_FOO once a mixin set it, else 0
  const void* ddk_proto_ops_ = nullptr;     // the mixin's foo_protocol_ops_t

 protected:
  base_protocol() = default;
};

namespace internal {

struct base_mixin {};

template <typename T>
struct is_base_proto : std::is_base_of<base_protocol, T> {};

}  // namespace internal
}  // namespace ddk

#define DDK_PROTOCOL_HAS_MEMBER_FN_WITH_SIGNATURE(trait_name, fn_name, signature)            \
  template <typename C>                                                                    \
  struct trait_name {                                                                      \
   private:                                                                                \
    template <typename T, typename = void>                                                 \
    struct check : ::std::false_type {};                                                   \
    template <typename T>                                                                  \
    struct check<T, ::std::void_t<decltype(static_cast<signature>(&T::fn_name))>>          \
        : ::std::true_type {};                                                             \
                                                                                           \
   public:                                                                                 \
    static constexpr bool value = check<C>::value;                                         \
  }

#endif  // DDKTL_DEVICE_INTERNAL_H_
