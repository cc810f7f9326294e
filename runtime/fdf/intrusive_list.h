// A doubly linked intrusive list: queues of messages, callbacks and dispatchers without allocation.
#ifndef FDFKIT_RUNTIME_FDF_INTRUSIVE_LIST_H_
#define FDFKIT_RUNTIME_FDF_INTRUSIVE_LIST_H_

#include <cassert>
#include <cstddef>

namespace fdf_internal {

struct ListNode {
  ListNode* prev = nullptr;
  ListNode* next = nullptr;
  bool in_list() const { return next != nullptr; }
};

// T must derive from ListNode. A node belongs to at most one list at a time.
template <typename T>
class IntrusiveList {
 public:
  IntrusiveList() { head_.prev = head_.next = &head_; }
  IntrusiveList(const IntrusiveList&) = delete;
  IntrusiveList& operator=(const IntrusiveList&) = delete;

  bool empty() const { return head_.next == &head_; }
  size_t size() const { return size_; }
  T* front() const { return empty() ? nullptr : static_cast<T*>(head_.next); }
  T* back() const { return empty() ? nullptr : static_cast<T*>(head_.prev); }
  // The element after `node`, or nullptr at the end.
  T* next(T* node) const {
    ListNode* n = static_cast<ListNode*>(node)->next;
    return n == &head_ ? nullptr : static_cast<T*>(n);
  }

  void push_back(T* item) { insert_before(&head_, item); }
  void push_front(T* item) { insert_before(head_.next, item); }
  // Inserts `item` before `pos` (pos == nullptr appends).
  void insert(T* pos, T* item) { insert_before(pos ? static_cast<ListNode*>(pos) : &head_, item); }

  T* pop_front() {
    if (empty()) return nullptr;
    T* item = static_cast<T*>(head_.next);
    erase(item);
    return item;
  }
  void erase(T* item) {
    ListNode* n = item;
    assert(n->in_list());
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->prev = n->next = nullptr;
    --size_;
  }
  // Moves every element of `other` to the end of this list.
  void splice_back(IntrusiveList& other) {
    while (T* item = other.pop_front()) push_back(item);
  }

 private:
  void insert_before(ListNode* pos, T* item) {
    ListNode* n = item;
    assert(!n->in_list());
    n->next = pos;
    n->prev = pos->prev;
    pos->prev->next = n;
    pos->prev = n;
    ++size_;
  }

  ListNode head_;
  size_t size_ = 0;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_INTRUSIVE_LIST_H_
