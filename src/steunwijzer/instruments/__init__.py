"""The instruments a school fills before writing its SOP (seed page "Direct aan de slag").

`ijk`: the IJK self-evaluation of basiskwaliteit and basisondersteuning, with the Kijkwijzer
observations that check it against reality. `diversity`: the Verscheidenheidsindex and its
School Invulschema (pupil counts per group and category of support need; never pupils).
"""
