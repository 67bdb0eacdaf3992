//! One way to name the values of a closed set (kinds, layers, measures, …):
//! the [`names!`](crate::names!) macro gives an enum its list of values, its
//! name for each, `Display` and `FromStr` with one error message, so that
//! every name on the command line, in files and in output is parsed and
//! printed the same way.

/// Declare an enum whose variants have fixed names.
///
/// Generates, beside the enum itself (with its attributes and doc comments):
/// `ALL` (every value, in declaration order), `as_str`, `Display`, and
/// `FromStr`, which trims the input, ignores ASCII case, takes `-` and `_`
/// for each other, accepts the optional `aliases` and names every accepted
/// value when it fails: ``unknown kind "robot", expected one of firm,
/// university, …``.
///
/// ```
/// iuinet::names! {
///     /// A colour.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour("colour") {
///         /// Red.
///         Red = "red",
///         /// Dark blue.
///         DarkBlue = "dark-blue",
///     }
///     aliases { "navy" => DarkBlue }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
/// assert_eq!(" Dark-Blue".parse::<Colour>(), Ok(Colour::DarkBlue));
/// assert_eq!("dark_blue".parse::<Colour>(), Ok(Colour::DarkBlue));
/// assert_eq!("Navy".parse::<Colour>(), Ok(Colour::DarkBlue));
/// assert_eq!(Colour::Red.to_string(), "red");
/// assert_eq!(
///     "green".parse::<Colour>(),
///     Err(r#"unknown colour "green", expected one of red, dark-blue"#.to_string())
/// );
/// ```
#[macro_export]
macro_rules! names {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident ($what:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $name:literal
            ),+ $(,)?
        }
        $(aliases { $($alias:literal => $avariant:ident),+ $(,)? })?
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $ty {
            /// Every value, in declaration (and output) order.
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// Every name, comma-separated, for help texts and messages.
            pub const NAMES: &'static str = $crate::names!(@join $($name),+);

            /// The name used on the command line, in files and in output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<$ty, String> {
                let t = s.trim();
                let fold = |b: u8| if b == b'-' { b'_' } else { b.to_ascii_lowercase() };
                let same = |name: &str| {
                    name.len() == t.len()
                        && name.bytes().zip(t.bytes()).all(|(x, y)| fold(x) == fold(y))
                };
                let aliases: &[(&str, $ty)] = &[$($(($alias, $ty::$avariant)),+)?];
                $ty::ALL
                    .into_iter()
                    .find(|v| same(v.as_str()))
                    .or_else(|| aliases.iter().find(|(a, _)| same(a)).map(|&(_, v)| v))
                    .ok_or_else(|| {
                        format!("unknown {} {s:?}, expected one of {}", $what, $ty::NAMES)
                    })
            }
        }
    };
    (@join $first:literal $(, $rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}
