#include "bench/e2e/layer_logic.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace fdfkit::bench::e2e {

std::string_view LayerName(Layer layer) {
  switch (layer) {
    case Layer::kPartition:
      return "partition";
    case Layer::kBlockDevice:
      return "block-device";
    case Layer::kSdmmcCore:
      return "sdmmc-core";
    case Layer::kController:
      return "sdmmc-controller";
    default:
      return "?";
  }
}

bool ParseLayer(std::string_view name, Layer* layer) {
  for (int i = 0; i < kLayerCount; ++i) {
    if (LayerName(static_cast<Layer>(i)) == name) {
      *layer = static_cast<Layer>(i);
      return true;
    }
  }
  return false;
}

SharedCounters SharedCounters::Create() {
  // Close-on-exec: a layer process is handed it explicitly (channel_stack.cc).
  int fd = memfd_create("e2e-counters", MFD_CLOEXEC);
  if (fd < 0 || ftruncate(fd, sizeof(LayerCounters)) != 0) {
    std::perror("e2e: counters");
    std::abort();
  }
  return FromFd(fd);
}

SharedCounters SharedCounters::FromFd(int fd) {
  void* page = mmap(nullptr, sizeof(LayerCounters), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (page == MAP_FAILED) {
    std::perror("e2e: counters mmap");
    std::abort();
  }
  SharedCounters shared;
  shared.fd_ = fd;
  shared.counters_ = static_cast<LayerCounters*>(page);  // a fresh memfd reads as zeros
  return shared;
}

SharedCounters& SharedCounters::operator=(SharedCounters&& other) noexcept {
  std::swap(fd_, other.fd_);
  std::swap(counters_, other.counters_);
  return *this;
}

SharedCounters::~SharedCounters() {
  if (counters_ != nullptr) munmap(counters_, sizeof(LayerCounters));
  if (fd_ >= 0) close(fd_);
}

}  // namespace fdfkit::bench::e2e
