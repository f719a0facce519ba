// Keeps waserda_drivers a real library while its folders fill in.
namespace waserda::drivers {
const char* module_name() { return "drivers"; }
}  // namespace waserda::drivers
