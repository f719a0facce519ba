// TRY(status_expr): return the error of a failed Status/Result from the current function.
#pragma once

#define WASERDA_TRY(expr)                                \
    do {                                                 \
        if (auto _st = (expr); !_st) return _st.error(); \
    } while (0)
