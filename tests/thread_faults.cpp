// Loaded with LD_PRELOAD under the CLI by thread_faults.sh: makes starting the CLI's threads
// fail the two ways the system can, to test that the run goes on with the threads it has.
//   WIRESTORY_FAULT=start   every pthread_create after the first fails with EAGAIN
//                           (std::thread throws std::system_error)
//   WIRESTORY_FAULT=memory  after the first pthread_create, the next operator new in the
//                           creating thread throws std::bad_alloc
#include <dlfcn.h>
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {
std::atomic<int> threads_created{0};
thread_local bool fail_next_new = false;

bool fault_is(const char* name) {
    const char* f = std::getenv("WIRESTORY_FAULT");
    return f && std::strcmp(f, name) == 0;
}
} // namespace

extern "C" int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg) {
    using create_fn = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
    static const create_fn real = reinterpret_cast<create_fn>(dlsym(RTLD_NEXT, "pthread_create"));
    const int n = ++threads_created;
    if (fault_is("start") && n >= 2) return EAGAIN;
    const int result = real(thread, attr, start, arg);
    if (fault_is("memory") && n == 1) fail_next_new = true;
    return result;
}

void* operator new(std::size_t n) {
    if (fail_next_new) {
        fail_next_new = false;
        throw std::bad_alloc();
    }
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
