// ARGS: --header-filter=[unclosed
// EXIT: 2
// A --header-filter that is no regular expression stops the run before anything is read.
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV007] --header-filter [unclosed: not a regular expression: {{.*}}
int main() { return 0; }
