"""A Griffe extension for the API reference: attrs constructors and Sphinx roles.

Griffe reads source code, so it sees neither the ``__init__`` that attrs writes
for a class (its ``Args:`` section would name parameters of nothing) nor
Markdown in the Sphinx roles some docstrings use. This extension:

* gives every attrs class the ``__init__`` attrs made, read from the class at
  run time (parameters, annotations, defaults, keyword-only markers);
* turns ``:class:`~honestcs.x.Name``` and the other roles into a link to the
  API page when ``Name`` is public (in ``honestcs.__all__``), else into code.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
from typing import Any

import attrs
import griffe

import honestcs

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?(?P<target>[\w.]+)(?:\(\))?`")


def _role(match: re.Match[str]) -> str:
    target = match["target"]
    name = target.rsplit(".", 1)[-1]
    if name in honestcs.__all__:
        return f"[`{name}`][honestcs.{name}]"
    owner, _, member = target.rpartition(".")
    if owner.rsplit(".", 1)[-1] in honestcs.__all__:  # a method: Class.method
        shown = owner.rsplit(".", 1)[-1] + "." + member
        return f"[`{shown}`][honestcs.{shown}]"
    return f"`{name}`"


def _default(field: attrs.Attribute[Any] | None, value: Any) -> str | None:
    if value is inspect.Parameter.empty:
        return None
    if field is not None and isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        factory = field.default.factory
        return f"{factory.__name__}()" if factory in (dict, list, set, tuple) else "..."
    if callable(value):
        return value.__qualname__
    return repr(value)


class HonestCSDocs(griffe.Extension):
    """Constructors for attrs classes; links for Sphinx roles."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Give an attrs class the ``__init__`` attrs generated for it."""
        if "__init__" in cls.members:
            return
        try:
            runtime = griffe.dynamic_import(cls.path)
        except ImportError:
            return
        if not attrs.has(runtime):
            return
        fields = {f.alias: f for f in attrs.fields(runtime)}
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
        for parameter in list(inspect.signature(runtime.__init__).parameters.values())[1:]:
            field = fields.get(parameter.name)
            annotation = parameter.annotation
            if annotation is inspect.Parameter.empty and field is not None:
                # A converter takes over the annotation; os.fspath takes any path.
                path = field.converter is os.fspath
                annotation = "str | os.PathLike[str]" if path else field.type
            expr = None
            if isinstance(annotation, str):
                node = ast.parse(annotation, mode="eval").body
                expr = griffe.safe_get_annotation(node, parent=cls)
            parameters.append(
                griffe.Parameter(
                    parameter.name,
                    annotation=expr,
                    kind=griffe.ParameterKind(parameter.kind.description),
                    default=_default(field, parameter.default),
                )
            )
        init = griffe.Function(
            "__init__",
            parameters=griffe.Parameters(*parameters),
            returns="None",
            lineno=cls.lineno,
            endlineno=cls.lineno,
        )
        cls.set_member("__init__", init)

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite Sphinx roles in a docstring as Markdown."""
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_role, obj.docstring.value)
