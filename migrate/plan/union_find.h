// Disjoint sets over 0..n-1 (path halving): switch groups, clusters of drivers sharing hosts.
#ifndef FDFKIT_MIGRATE_PLAN_UNION_FIND_H_
#define FDFKIT_MIGRATE_PLAN_UNION_FIND_H_

#include <cstddef>
#include <numeric>
#include <vector>

namespace fdfkit::plan {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[static_cast<size_t>(x)] != x) {
      x = parent_[static_cast<size_t>(x)] = parent_[static_cast<size_t>(parent_[static_cast<size_t>(x)])];
    }
    return x;
  }
  void Unite(int a, int b) { parent_[static_cast<size_t>(Find(a))] = Find(b); }

 private:
  std::vector<int> parent_;
};

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_UNION_FIND_H_
