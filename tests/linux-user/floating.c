// Double and float arithmetic through libm and printf's conversions: the F
// and D extensions and their rounding, compared digit for digit.
#include <math.h>
#include <stdio.h>

int main(void) {
    double x = 0.1;
    for (int i = 0; i < 10; ++i) x = x * 1.7 + sqrt(x) - 0.3;
    printf("%.17g\n", x);
    printf("%.17g %.17g %.17g\n", sin(1.0), exp(2.5), log(10.0));
    printf("%.9g %.9g\n", (double)(1.0f / 3.0f), (double)sqrtf(2.0f));
    printf("%g %g %g\n", 1.0 / 0.0, -1.0 / 0.0, fabs(0.0 / 0.0));
    printf("%.3e %a\n", 6.02214076e23, 1.0 / 3.0);
    long long big = (long long)9.99e18;
    printf("%lld %d\n", big, (int)-2.7);
    return 0;
}
