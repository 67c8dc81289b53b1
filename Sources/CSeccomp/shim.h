#include <seccomp.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
