// wirestory: the library version, kept in one place (CMake reads it from here).
#ifndef WIRESTORY_VERSION_HPP
#define WIRESTORY_VERSION_HPP

#define WIRESTORY_VERSION_MAJOR 0
#define WIRESTORY_VERSION_MINOR 1
#define WIRESTORY_VERSION_PATCH 0
#define WIRESTORY_VERSION_STRING "0.1.0"

#endif
