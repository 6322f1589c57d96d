{"Download %(name)s": "%(name)s downloaden"}
