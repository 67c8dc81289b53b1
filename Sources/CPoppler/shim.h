#ifndef NIANBAO_CPOPPLER_SHIM_H
#define NIANBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#endif
