// Language server logic (see ARCHITECTURE.md).
enum FazhiServerPlaceholder {}
