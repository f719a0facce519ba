// placeholder
#include <gtest/gtest.h>
TEST(XvfbPos, Placeholder) {}
