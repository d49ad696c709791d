#!/usr/bin/python3
"""Prints, as JSON, the accessible tree of the web page a browser shows, as AT-SPI gives it.

AT-SPI is the platform API Linux screen readers (Orca) read the page through, so this is what
a screen reader receives, not the DOM. Usage: atspi_tree.py APP [URL], where APP is the
application's AT-SPI name ('Firefox', 'MiniBrowser') and URL, if given, picks the document
showing that address. Run it with Debian's /usr/bin/python3 (pyatspi comes from Debian), with
the DISPLAY and DBUS_SESSION_BUS_ADDRESS of the browser's session (tests/e2e/support/atspi.mjs).

Each node is {role, name, description, attributes, states, text, children}; the document node
also has `locale` and `url`. Exits 2, saying why on stderr, if there is no such document yet.
"""

import json
import sys

import pyatspi
from gi.repository import Atspi

# Object attributes that only restate the layout (Firefox gives every node its CSS margins).
LAYOUT_ATTRIBUTES = {'display', 'text-indent', 'text-align', 'formatting', 'class',
                     'margin-top', 'margin-bottom', 'margin-left', 'margin-right'}

# The states a reader announces about content; 'focusable', 'showing' and the like are noise here.
STATES = {'selected', 'focused', 'checked', 'pressed', 'expanded', 'visited'}

# What AT-SPI puts in a text for each child object (a link inside a paragraph, say).
EMBEDDED_OBJECT = '\ufffc'


def attributes(node):
    """The node's object attributes as a dict ('level', 'xml-roles', 'current', ...)."""
    pairs = (item.split(':', 1) for item in node.getAttributes() if ':' in item)
    return {key: value for key, value in pairs if key not in LAYOUT_ATTRIBUTES}


def text_by_language(node, by_run):
    """The node's own text as [[language, text], ...]: the language is a text attribute.

    With `by_run`, per run of text, as Firefox splits it at each `lang` inside running text.
    Without, the node's default language only: WebKitGTK gives one language per node anyway,
    and its web process crashes when asked for the runs of some links (observed with 2.50: a
    link inside a Japanese paragraph, on the Japanese accessibility statement).
    """
    try:
        whole = node.queryText().getText(0, -1)
    except NotImplementedError:
        return None
    if not by_run:
        text = whole.replace(EMBEDDED_OBJECT, '')
        language = (Atspi.Text.get_default_attributes(node) or {}).get('language', '')
        return [[language, text]] if text.strip() else []
    runs, offset = [], 0
    while offset < len(whole):
        run_attributes, start, end = Atspi.Text.get_attribute_run(node, offset, True)
        end = max(end, offset + 1)  # a run that does not move on would loop for ever
        language = (run_attributes or {}).get('language', '')
        part = whole[offset:end].replace(EMBEDDED_OBJECT, '')
        if part.strip():
            if runs and runs[-1][0] == language:
                runs[-1][1] += part
            else:
                runs.append([language, part])
        offset = end
    return runs


def describe(node, by_run):
    """The node and everything under it, as plain data (`by_run`: see text_by_language)."""
    states = node.getState().getStates()
    return {
        'role': node.getRoleName(),
        'name': node.name,
        'description': node.description,
        'attributes': attributes(node),
        'states': sorted(name for name in map(pyatspi.stateToString, states) if name in STATES),
        'text': text_by_language(node, by_run),
        'children': [describe(child, by_run) for child in node if child is not None],
    }


def documents(node):
    """Every web document under `node` (a browser's tabs, its own pages and the one shown)."""
    if node.getRoleName() == 'document web':
        yield node
        return
    for child in node:
        if child is not None:
            yield from documents(child)


def document_url(document):
    """The address of the page: Firefox calls the Document attribute DocURL, WebKitGTK URI."""
    values = dict(item.split(':', 1) for item in document.queryDocument().getAttributes() if ':' in item)
    return values.get('DocURL') or values.get('URI') or ''


def main(app_name, url=None):
    apps = [app for app in pyatspi.Registry.getDesktop(0) if app is not None and app.name == app_name]
    # The shown document is the one with the 'showing' state: a browser keeps others (a blank
    # tab, its own pages) in the tree too.
    shown = [document for app in apps for document in documents(app)
             if document.getState().contains(pyatspi.STATE_SHOWING)
             and (url is None or document_url(document) == url)]
    if not shown:
        sys.exit(f'no shown document{" at " + url if url else ""} in an application named {app_name} '
                 f'(applications: {[app.name for app in pyatspi.Registry.getDesktop(0) if app is not None]})')
    document = shown[0]
    webkit = attributes(document).get('toolkit') == 'WebKitGTK'
    tree = describe(document, by_run=not webkit)
    tree['locale'] = document.queryDocument().getLocale()
    tree['url'] = document_url(document)
    json.dump(tree, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    try:
        main(*sys.argv[1:])
    except SystemExit as stop:
        # sys.exit(message) exits 1; a missing document is 2, so the caller can wait for it.
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
            sys.exit(2)
        raise
