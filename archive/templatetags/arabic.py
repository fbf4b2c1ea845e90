"""Template filters for numbers written for Arabic readers."""

from django import template

from archive.numbers import arabic_count, arabic_number

register = template.Library()
register.filter("arabic_number", arabic_number)
register.filter("arabic_count", arabic_count)
