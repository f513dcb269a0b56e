from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "steunwijzer.demo"
    verbose_name = "demo"

    def ready(self):
        # The code page shows the demo personas' current code; `demo_code` is None outside
        # `steunwijzer demo`.
        from steunwijzer.organisations.two_factor import register_code_hint

        from .security import demo_code

        register_code_hint(demo_code)
